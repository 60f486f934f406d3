import { describe, expect, it } from 'vitest';
import { LEADER_KEY, SYNC_STANDBY } from '../../scripts/cluster/faults/facts.ts';
import { narrate } from '../../scripts/cluster/faults/narrate.ts';

const T0 = 50_000;

describe('narrate', () => {
  const lines = narrate({
    faultAt: T0,
    until: T0 + 60_000,
    actions: [
      { at: T0, text: 'cut node2 off from the three etcd members' },
      { at: T0 + 35_000, text: 'heal the network' },
    ],
    logEvents: [
      { t: T0 + 12_900, node: 'node2', kind: 'demote-decided' },
      { t: T0 + 20_700, node: 'node2', kind: 'shutdown-requested' },
      { t: T0 + 24_248, node: 'node1', kind: 'lock-acquired' },
      { t: T0 + 24_551, node: 'node1', kind: 'writable' },
    ],
    samples: [
      { t: T0 - 500, node: LEADER_KEY, role: 'node2' },
      { t: T0 - 500, node: SYNC_STANDBY, role: 'node1' },
      { t: T0 + 21_000, node: LEADER_KEY, role: 'none' },
      { t: T0 + 24_500, node: LEADER_KEY, role: 'node1' },
      { t: T0 + 24_500, node: SYNC_STANDBY, role: 'none' },
      { t: T0 + 24_600, node: 'node1', role: 'primary' },
    ],
    writes: [
      { id: 1, start: T0 - 300, end: T0 - 280, outcome: 'ok', node: 'node2', timeline: 1 },
      { id: 2, start: T0 + 100, end: T0 + 120, outcome: 'ok', node: 'node2', timeline: 1 },
      { id: 3, start: T0 + 20_800, end: T0 + 20_810, outcome: 'failed' },
      { id: 4, start: T0 + 26_000, end: T0 + 26_040, outcome: 'ok', node: 'node1', timeline: 2 },
    ],
  });

  it('tells the story in time order, with seconds after the fault', () => {
    expect(lines).toEqual([
      't=  0.0 s  harness: cut node2 off from the three etcd members',
      't= 12.9 s  node2: Patroni gives up on etcd and decides to demote PostgreSQL',
      't= 20.7 s  node2: PostgreSQL is asked to shut down: it takes no more writes',
      't= 20.8 s  client: a write is refused',
      't= 21.0 s  etcd: the leader key is gone',
      't= 24.2 s  node1: Patroni takes the leader lock',
      't= 24.5 s  etcd: node1 holds the leader key',
      't= 24.5 s  Patroni: no synchronous standby',
      't= 24.6 s  node1: PostgreSQL accepts writes',
      't= 26.0 s  client: first write acknowledged by node1 (timeline 2)',
      't= 35.0 s  harness: heal the network',
    ]);
  });
});
