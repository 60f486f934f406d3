/**
 * Making the cluster whole again between fault scenarios when Patroni 3.0.2 does not get there by
 * itself. The runner waits first (run-inside.ts); only what is still wrong after that wait is
 * diagnosed here, from what etcd and Patroni's REST API say, and repaired with the operator's own
 * tool, patronictl. Each repair is recorded with the scenario, so the results say what it took.
 *
 * The two states seen or possible after a paused primary resumes and takes its leader key back:
 * - The /sync key still names the replica that was promoted meanwhile as its leader. Patroni 3.0.2
 *   rewrites it with its own name when it promotes, which the resumed primary never does, and
 *   otherwise only when it drops a standby the key lists; if the key lists none, the resumed
 *   primary logs "Synchronous replication key updated by someone else" at every HA loop and never
 *   records a synchronous standby again (`enforce_primary_role` and `process_sync_replication` in
 *   patroni/ha.py of v3.0.2). Patroni 4.1.1 rewrites such a key (patroni/patroni#3454). Switching
 *   synchronous_mode off makes the leader delete the key; switching it on again makes it write a
 *   fresh one.
 * - A replica whose timeline diverged and that neither pg_rewind nor a restart brought back
 *   (stuck on an older timeline, or failed to start): `patronictl reinit` copies it afresh.
 */
import type { MemberState } from '../patroni-client.ts';

/** What the harness reads before deciding. */
export interface ClusterView {
  /** The holder of the leader key, or null. */
  readonly leaderKey: string | null;
  /** The /sync key's raw value (JSON such as {"leader":"node2","sync_standby":null}), or null. */
  readonly syncKey: string | null;
  /** The members as Patroni's REST API lists them (GET /cluster). */
  readonly members: readonly MemberState[];
}

export type Repair =
  | { readonly kind: 'sync-key'; readonly why: string; readonly action: string }
  | { readonly kind: 'reinit'; readonly node: string; readonly why: string; readonly action: string };

/** Patroni member states that mean PostgreSQL is not running and will not start by itself. */
const FAILED_STATES = new Set(['start failed', 'crashed', 'stopped']);

/** The leader named in a /sync key's value, or null when it names none or is not JSON. */
export function syncKeyLeader(value: string | null): string | null {
  if (value === null) return null;
  try {
    const parsed = JSON.parse(value) as { leader?: unknown };
    return typeof parsed.leader === 'string' && parsed.leader !== '' ? parsed.leader : null;
  } catch {
    return null;
  }
}

/**
 * What to repair, in order, or nothing (`scope`: the cluster's name, for the command). Nothing is
 * repaired without a running leader that holds the leader key: a cluster without one is a failure
 * to report, not a state to paper over.
 */
export function repairsFor(view: ClusterView, synchronousMode: boolean, scope: string): Repair[] {
  const leader = view.members.find((m) => m.role === 'leader' && m.state === 'running');
  if (!leader || view.leaderKey !== leader.name) return [];
  const repairs: Repair[] = [];
  const syncLeader = syncKeyLeader(view.syncKey);
  if (synchronousMode && syncLeader !== null && syncLeader !== leader.name) {
    repairs.push({
      kind: 'sync-key',
      why: `the /sync key names ${syncLeader} as leader while ${leader.name} holds the leader key, and Patroni 3.0.2 may never rewrite it`,
      action: 'patronictl edit-config -s synchronous_mode=false, then -s synchronous_mode=true',
    });
  }
  for (const member of view.members) {
    if (member.name === leader.name) continue;
    const behind =
      typeof member.timeline === 'number' && typeof leader.timeline === 'number' && member.timeline < leader.timeline;
    if (!FAILED_STATES.has(member.state) && !behind) continue;
    repairs.push({
      kind: 'reinit',
      node: member.name,
      why: behind
        ? `${member.name} is still on timeline ${String(member.timeline)}, behind the leader's ${String(leader.timeline)}`
        : `Patroni reports ${member.name} as "${member.state}"`,
      action: `patronictl reinit --force --wait ${scope} ${member.name}`,
    });
  }
  return repairs;
}
