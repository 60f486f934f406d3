/**
 * What the site says about failures, as checks on a scenario's measured outcome. A scenario lists
 * the claims it puts to the test; one that its outcome contradicts fails the run, naming the claim
 * and the page that makes it. A scenario may also list claims it only observes: their verdict is
 * recorded (faults.json, the pages) but never fails the run, because the outcome depends on a race
 * the harness does not control (a paused primary that resumes; see pausedPrimary in scenarios.ts).
 * Pure functions: the outcome comes from check-history.ts and the scenario's own facts.
 */
import type { HistoryReport } from './check-history.ts';

export type ClaimId =
  | 'no-split-brain'
  | 'self-fencing'
  | 'demotes-before-expiry'
  | 'sync-no-loss'
  | 'async-loss-bounded'
  | 'etcd-survives-one'
  | 'quorum-loss-refuses-writes'
  | 'failsafe-keeps-primary'
  | 'sync-standby-replaced'
  | 'frozen-primary-replaced';

export interface Claim {
  readonly id: ClaimId;
  /** The claim, as the site makes it, in one sentence. */
  readonly statement: string;
  /** Where the site makes it: a page path and a heading anchor on it. */
  readonly page: string;
  readonly anchor: string;
}

export const CLAIMS: Readonly<Record<ClaimId, Claim>> = {
  'no-split-brain': {
    id: 'no-split-brain',
    statement: 'Self-fencing and HAProxy keep two primaries from accepting writes at the same time.',
    page: '/articles/failover-and-split-brain/',
    anchor: 'fencing-making-sure-the-old-primary-is-really-gone',
  },
  'self-fencing': {
    id: 'self-fencing',
    statement:
      'A primary that cannot update the leader key demotes itself to read-only before the key can expire and another node take over.',
    page: '/articles/failover-and-split-brain/',
    anchor: 'fencing-making-sure-the-old-primary-is-really-gone',
  },
  'demotes-before-expiry': {
    id: 'demotes-before-expiry',
    statement:
      'A primary that cannot reach etcd has demoted itself before its leader key expires: that is what loop_wait + 2 × retry_timeout ≤ ttl is for.',
    page: '/articles/failover-and-split-brain/',
    anchor: 'when-the-primary-is-cut-off',
  },
  'sync-no-loss': {
    id: 'sync-no-loss',
    statement: 'With synchronous_mode, a failover loses no acknowledged commit.',
    page: '/articles/failover-and-split-brain/',
    anchor: 'what-you-can-lose',
  },
  'async-loss-bounded': {
    id: 'async-loss-bounded',
    statement:
      'With asynchronous replication a failover can lose commits, at most maximum_lag_on_failover bytes plus what was written in the last ttl seconds.',
    page: '/articles/failover-and-split-brain/',
    anchor: 'what-you-can-lose',
  },
  'etcd-survives-one': {
    id: 'etcd-survives-one',
    statement: 'Three etcd members survive the loss of any one: the primary keeps its leader key and its writes.',
    page: '/articles/consensus-and-quorum/',
    anchor: 'what-happens-during-a-partition',
  },
  'quorum-loss-refuses-writes': {
    id: 'quorum-loss-refuses-writes',
    statement:
      'When etcd loses its majority, the primary demotes itself and no replica can promote: the database refuses writes until etcd is back.',
    page: '/articles/consensus-and-quorum/',
    anchor: 'what-happens-during-a-partition',
  },
  'failsafe-keeps-primary': {
    id: 'failsafe-keeps-primary',
    statement:
      'With failsafe_mode, the primary keeps running through a DCS outage while it can reach every other Patroni member.',
    page: '/articles/consensus-and-quorum/',
    anchor: 'what-happens-during-a-partition',
  },
  'sync-standby-replaced': {
    id: 'sync-standby-replaced',
    statement: 'When the synchronous replica fails, Patroni makes another replica synchronous and commits go on.',
    page: '/articles/lab-patroni-etcd/',
    anchor: 'failover-settings',
  },
  'frozen-primary-replaced': {
    id: 'frozen-primary-replaced',
    statement:
      'A primary that stops renewing its leader key, here because its processes are frozen, is replaced: once the key expires a replica takes it and HAProxy sends writes there.',
    page: '/articles/failover-and-split-brain/',
    anchor: 'when-the-primary-is-cut-off',
  },
};

/** Times in seconds after the fault; null when it did not happen. */
export interface ScenarioFacts {
  readonly oldPrimary: string;
  /** The old primary first reported a role other than primary (and was reachable to say so). */
  readonly oldPrimaryDemotedAt: number | null;
  /** Another node first reported itself primary. */
  readonly newPrimary: string | null;
  readonly newPrimaryAt: number | null;
  /** Another node held the leader key in etcd. */
  readonly leaderKeyMovedAt: number | null;
  /**
   * The first poll that found the old primary's leader key gone (expired, or another node's): the
   * key expired before this time and after the poll before it.
   */
  readonly leaderKeyGoneAt: number | null;
  /** The first write acknowledged by another node than the old primary. */
  readonly firstWriteElsewhereAt: number | null;
  /** The network healed (or the node resumed, or etcd came back). */
  readonly endedAt: number | null;
  /** The synchronous standby named in etcd changed to another node. */
  readonly syncStandbyMovedAt: number | null;
  /** From the nodes' logs, to the millisecond: the old primary's PostgreSQL was asked to shut down. */
  readonly oldPrimaryStoppedWritesAt: number | null;
  /** Another node's PostgreSQL became ready for writes (promotion finished). */
  readonly newPrimaryWritableAt: number | null;
  /** Another node's Patroni acquired the leader lock. */
  readonly lockAcquiredAt: number | null;
  /** How long two PostgreSQL servers accepted writes at once (whether or not a client wrote). */
  readonly writableOverlapSeconds: number;
  /** Acknowledged writes between two times. */
  readonly ackedBetween: (from: number, to: number) => number;
}

export interface ScenarioOutcome {
  readonly report: HistoryReport;
  readonly facts: ScenarioFacts;
  readonly synchronousMode: boolean;
  readonly timing: { readonly ttl: number; readonly loop_wait: number; readonly retry_timeout: number };
  readonly maximumLagOnFailover: number;
  /** Bytes each row puts in the WAL, at most (payload and row overhead). */
  readonly rowBytes: number;
  /** When each lost write was acknowledged, seconds after the fault. */
  readonly lostAckedAt: readonly number[];
}

export interface ClaimResult {
  readonly id: ClaimId;
  /** The claim held. */
  readonly ok: boolean;
  readonly detail: string;
  /** A broken claim fails the run (true), or is only recorded as observed (false). */
  readonly gating: boolean;
}

/** When the old primary stopped taking writes: the log's exact time, else the poller's. */
const demotion = (f: ScenarioFacts) => f.oldPrimaryStoppedWritesAt ?? f.oldPrimaryDemotedAt;
/** A commit acknowledged just before the shutdown reaches the client a moment later. */
const ACK_GRACE_S = 0.5;

const s = (seconds: number | null) => (seconds === null ? 'never' : `${seconds.toFixed(1)} s`);

/** Judges a scenario: its gating claims, then the ones it only observes. */
export function checkClaims(
  gating: readonly ClaimId[],
  observed: readonly ClaimId[],
  outcome: ScenarioOutcome,
): ClaimResult[] {
  return [...gating.map((id) => checkClaim(id, outcome)), ...observed.map((id) => checkClaim(id, outcome, false))];
}

/** A scenario passes when it raised no error and every gating claim held; observed claims never fail it. */
export const claimsPass = (claims: readonly ClaimResult[]): boolean => claims.every((c) => c.ok || !c.gating);

export function checkClaim(id: ClaimId, o: ScenarioOutcome, gating = true): ClaimResult {
  const f = o.facts;
  const r = o.report;
  const result = (ok: boolean, detail: string): ClaimResult => ({ id, ok, detail, gating });
  switch (id) {
    case 'no-split-brain': {
      const first = r.splitBrain[0];
      return first
        ? result(
            false,
            `${first.a} and ${first.b} both acknowledged writes from ${s(first.from)} to ${s(first.to)} (${first.writes} writes)`,
          )
        : result(true, `no two primaries acknowledged writes at the same time (${r.terms.length} primary terms)`);
    }
    case 'self-fencing': {
      // The log's exact times where there are some; the poller's half-second samples otherwise.
      const stopped = f.oldPrimaryStoppedWritesAt ?? f.oldPrimaryDemotedAt;
      const other = f.newPrimaryWritableAt ?? f.newPrimaryAt;
      if (stopped === null || (f.endedAt !== null && stopped > f.endedAt))
        return result(false, `${f.oldPrimary} kept accepting writes while it could not reach etcd`);
      if (other !== null && other < stopped)
        return result(
          false,
          `${f.newPrimary ?? 'another node'} accepted writes from ${s(other)}, before ${f.oldPrimary} stopped at ${s(stopped)}`,
        );
      return result(
        true,
        `${f.oldPrimary} stopped accepting writes at ${s(stopped)}` +
          (other === null ? '' : `, ${s(other - stopped)} before ${f.newPrimary ?? 'another node'} started`),
      );
    }
    case 'demotes-before-expiry': {
      const stopped = demotion(f);
      const gone = f.leaderKeyGoneAt;
      if (stopped === null) return result(false, `${f.oldPrimary} never demoted itself`);
      // Only a demotion after a poll that already found the key gone is certainly late.
      if (gone !== null && stopped > gone)
        return result(
          false,
          `${f.oldPrimary} stopped accepting writes at ${s(stopped)}; its leader key was already gone at ${s(gone)}`,
        );
      return result(
        true,
        `${f.oldPrimary} stopped accepting writes at ${s(stopped)}; its key was found gone at ${s(gone)}`,
      );
    }
    case 'sync-no-loss':
      if (!o.synchronousMode) return result(true, 'not applicable: synchronous_mode was off');
      return r.lost.length === 0
        ? result(true, `all ${r.acknowledged} acknowledged writes are on the surviving primary`)
        : result(false, `${r.lost.length} acknowledged writes are missing: ${r.lost.slice(0, 10).join(', ')}`);
    case 'async-loss-bounded': {
      const takeover = f.leaderKeyMovedAt ?? f.newPrimaryAt;
      const early = takeover === null ? [] : o.lostAckedAt.filter((t) => t < takeover - o.timing.ttl);
      // The new primary's own writes, acknowledged after it took over, are not what a failover may lose.
      const after = takeover === null ? [] : o.lostAckedAt.filter((t) => t > takeover);
      if (after.length > 0)
        return result(false, `${after.length} lost writes were acknowledged after the takeover at ${s(takeover)}`);
      if (early.length > 0 && early.length * o.rowBytes > o.maximumLagOnFailover)
        return result(
          false,
          `${early.length} lost writes were acknowledged more than ttl before the takeover, more than maximum_lag_on_failover bytes`,
        );
      return result(
        true,
        r.lost.length === 0
          ? 'nothing was lost'
          : `${r.lost.length} acknowledged writes lost, all from the last ttl seconds before the takeover`,
      );
    }
    case 'etcd-survives-one': {
      const demoted = demotion(f);
      if (demoted !== null && (f.endedAt === null || demoted < f.endedAt))
        return result(false, `${f.oldPrimary} stopped accepting writes at ${s(demoted)} with two etcd members up`);
      if (f.leaderKeyMovedAt !== null && (f.endedAt === null || f.leaderKeyMovedAt < f.endedAt))
        return result(false, `the leader key moved at ${s(f.leaderKeyMovedAt)} with two etcd members up`);
      return result(
        true,
        `${f.oldPrimary} kept the leader key and acknowledged ${f.endedAt === null ? '?' : f.ackedBetween(0, f.endedAt)} writes while the member was gone`,
      );
    }
    case 'quorum-loss-refuses-writes': {
      const end = f.endedAt;
      const demoted = demotion(f);
      if (end === null) return result(false, 'etcd never came back, so the outcome is unknown');
      if (demoted === null || demoted > end)
        return result(false, `${f.oldPrimary} kept running as primary without an etcd majority`);
      const promoted = f.newPrimaryWritableAt ?? f.newPrimaryAt;
      if (promoted !== null && promoted < end)
        return result(false, `${f.newPrimary ?? 'another node'} promoted at ${s(promoted)} without an etcd majority`);
      const late = f.ackedBetween(demoted + ACK_GRACE_S, end);
      if (late > 0) return result(false, `${late} writes were acknowledged after the demotion, before etcd came back`);
      return result(
        true,
        `${f.oldPrimary} stopped accepting writes at ${s(demoted)}, nobody promoted, and no write was acknowledged until etcd came back at ${s(end)}`,
      );
    }
    case 'failsafe-keeps-primary': {
      const end = f.endedAt;
      const demoted = demotion(f);
      if (end === null) return result(false, 'etcd never came back, so the outcome is unknown');
      if (demoted !== null && demoted < end)
        return result(false, `${f.oldPrimary} stopped accepting writes at ${s(demoted)} despite failsafe_mode`);
      const tail = f.ackedBetween(Math.max(0, end - 5), end);
      if (tail === 0) return result(false, `no write was acknowledged in the last 5 s of the etcd outage`);
      return result(
        true,
        `${f.oldPrimary} stayed primary and acknowledged ${f.ackedBetween(0, end)} writes during the etcd outage`,
      );
    }
    case 'sync-standby-replaced': {
      const end = f.endedAt;
      if (f.syncStandbyMovedAt === null || (end !== null && f.syncStandbyMovedAt > end))
        return result(false, 'Patroni never named another synchronous standby while the old one was cut off');
      const after = f.ackedBetween(f.syncStandbyMovedAt, end ?? Infinity);
      if (after === 0) return result(false, 'no commit went through after the new synchronous standby was named');
      return result(true, `another replica became synchronous at ${s(f.syncStandbyMovedAt)}; commits went on`);
    }
    case 'frozen-primary-replaced': {
      // Deterministic while the primary is frozen: it renews nothing, so its key must expire and a
      // replica take it before the resume (the scenario waits for that); the exact window is
      // check-sim-agreement's (the simulator's cut-off primary).
      const lock = f.lockAcquiredAt ?? f.leaderKeyMovedAt;
      const resumed = f.endedAt;
      if (resumed === null) return result(false, `${f.oldPrimary} was never resumed`);
      if (lock === null || lock > resumed)
        return result(false, `no other node took the leader key while ${f.oldPrimary} was frozen`);
      // The last renewal came at most loop_wait before the pause: the key cannot expire sooner than this.
      const earliest = o.timing.ttl - o.timing.loop_wait;
      if (lock < earliest)
        return result(
          false,
          `${f.newPrimary ?? 'another node'} took the leader key at ${s(lock)}, before ${f.oldPrimary}'s key could expire (ttl - loop_wait = ${s(earliest)})`,
        );
      const routed = f.firstWriteElsewhereAt;
      if (routed === null || routed > resumed)
        return result(false, `no write reached another node while ${f.oldPrimary} was frozen`);
      return result(
        true,
        `${f.newPrimary ?? 'another node'} took the leader key at ${s(lock)} and acknowledged writes from ${s(routed)}; ${f.oldPrimary} was resumed at ${s(resumed)}`,
      );
    }
  }
}
