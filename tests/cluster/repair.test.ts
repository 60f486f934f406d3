import { describe, expect, it } from 'vitest';
import { repairsFor, syncKeyLeader, type ClusterView } from '../../scripts/cluster/faults/repair.ts';
import type { MemberState } from '../../scripts/cluster/patroni-client.ts';

const member = (name: string, role: string, state: string, timeline = 4): MemberState => ({
  name,
  role,
  state,
  timeline,
});

/** Whole: node1 leads on timeline 4, node2 is its synchronous standby, node3 streams. */
const WHOLE: ClusterView = {
  leaderKey: 'node1',
  syncKey: '{"leader":"node1","sync_standby":"node2"}',
  members: [
    member('node1', 'leader', 'running'),
    member('node2', 'sync_standby', 'streaming'),
    member('node3', 'replica', 'streaming'),
  ],
};

/** As a fault run left it: node1 resumed and took its key back; /sync still names node2. */
const STALE_SYNC: ClusterView = {
  ...WHOLE,
  syncKey: '{"leader":"node2","sync_standby":null}',
  members: WHOLE.members.map((m) => (m.name === 'node2' ? member('node2', 'replica', 'streaming') : m)),
};

describe('syncKeyLeader', () => {
  it('reads the leader from the /sync value', () => {
    expect(syncKeyLeader('{"leader":"node2","sync_standby":null}')).toBe('node2');
  });

  it('is null for a missing key, a key naming no leader, or a value that is not JSON', () => {
    expect(syncKeyLeader(null)).toBeNull();
    expect(syncKeyLeader('{"leader":null}')).toBeNull();
    expect(syncKeyLeader('node2')).toBeNull();
  });
});

describe('repairsFor', () => {
  it('repairs nothing in a whole cluster', () => {
    expect(repairsFor(WHOLE, true, 'demo')).toEqual([]);
  });

  it('rewrites a /sync key that names another leader, in synchronous mode', () => {
    expect(repairsFor(STALE_SYNC, true, 'demo')).toEqual([
      {
        kind: 'sync-key',
        why: 'the /sync key names node2 as leader while node1 holds the leader key, and Patroni 3.0.2 may never rewrite it',
        action: 'patronictl edit-config -s synchronous_mode=false, then -s synchronous_mode=true',
      },
    ]);
  });

  it('also rewrites a stale /sync key that still makes the cluster look whole', () => {
    // The promoted node2 had named node3 its synchronous standby before node1 took the key back:
    // Patroni lists node3 as sync_standby, from the key, though node1 never wrote it.
    const looksWhole: ClusterView = {
      ...WHOLE,
      syncKey: '{"leader":"node2","sync_standby":"node3"}',
      members: WHOLE.members.map((m) =>
        m.name === 'node2'
          ? member('node2', 'replica', 'streaming')
          : m.name === 'node3'
            ? member('node3', 'sync_standby', 'streaming')
            : m,
      ),
    };
    expect(repairsFor(looksWhole, true, 'demo').map((r) => r.kind)).toEqual(['sync-key']);
  });

  it('leaves a stale /sync key alone when synchronous_mode is off (the leader deletes it itself)', () => {
    expect(repairsFor(STALE_SYNC, false, 'demo')).toEqual([]);
  });

  it('reinitialises a replica left on an older timeline', () => {
    const view = { ...WHOLE, members: [...WHOLE.members.slice(0, 2), member('node3', 'replica', 'running', 3)] };
    expect(repairsFor(view, true, 'demo')).toEqual([
      {
        kind: 'reinit',
        node: 'node3',
        why: "node3 is still on timeline 3, behind the leader's 4",
        action: 'patronictl reinit --force --wait demo node3',
      },
    ]);
  });

  it('reinitialises a replica whose PostgreSQL failed to start', () => {
    const view = { ...WHOLE, members: [...WHOLE.members.slice(0, 2), member('node3', 'replica', 'start failed')] };
    expect(repairsFor(view, true, 'demo').map((r) => r.why)).toEqual(['Patroni reports node3 as "start failed"']);
  });

  it('repairs nothing without a running leader that holds the leader key', () => {
    const noLeader = { ...STALE_SYNC, members: STALE_SYNC.members.filter((m) => m.role !== 'leader') };
    expect(repairsFor(noLeader, true, 'demo')).toEqual([]);
    expect(repairsFor({ ...STALE_SYNC, leaderKey: 'node2' }, true, 'demo')).toEqual([]);
    expect(repairsFor({ ...STALE_SYNC, leaderKey: null }, true, 'demo')).toEqual([]);
  });
});
