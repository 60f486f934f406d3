/**
 * From a scenario's raw recordings to the facts its claims are checked against (claims.ts), and the
 * commit latency and throughput of each phase of the scenario. Pure functions.
 */
import type { RoleSample, WriteRecord } from './check-history.ts';
import type { ScenarioFacts } from './claims.ts';
import { writableOverlaps, writableSpans, type LogEvent } from './node-log.ts';

/** The names the role poller uses for etcd's view (recorders.ts). */
export const LEADER_KEY = 'leader key';
export const SYNC_STANDBY = 'sync standby';
const NOT_A_NODE = new Set([LEADER_KEY, SYNC_STANDBY]);
const NO_ANSWER = new Set(['none', 'unreachable']);

const round = (seconds: number) => Math.round(seconds * 10) / 10;

export interface FactsInput {
  readonly writes: readonly WriteRecord[];
  readonly samples: readonly RoleSample[];
  readonly faultAt: number;
  /** When the fault was undone (heal, resume, etcd back); null if never. */
  readonly endedAt: number | null;
  readonly oldPrimary: string;
  /** Events from the nodes' logs (node-log.ts): exact times. */
  readonly logEvents: readonly LogEvent[];
  /** Nodes paused, and when: they accept nothing then. */
  readonly frozen: readonly { node: string; from: number; to: number }[];
}

export function scenarioFacts(input: FactsInput): ScenarioFacts {
  const rel = (t: number) => round((t - input.faultAt) / 1000);
  const samples = [...input.samples].sort((a, b) => a.t - b.t);
  const after = samples.filter((s) => s.t >= input.faultAt);
  const before = samples.filter((s) => s.t < input.faultAt);
  const demoted = after.find((s) => s.node === input.oldPrimary && s.role !== 'primary' && s.role !== 'unreachable');
  const promoted = after.find((s) => !NOT_A_NODE.has(s.node) && s.node !== input.oldPrimary && s.role === 'primary');
  const keyGone = after.find((s) => s.node === LEADER_KEY && s.role !== input.oldPrimary && s.role !== 'unreachable');
  const keyMoved = after.find((s) => s.node === LEADER_KEY && s.role !== input.oldPrimary && !NO_ANSWER.has(s.role));
  const syncBefore = before.filter((s) => s.node === SYNC_STANDBY && !NO_ANSWER.has(s.role)).at(-1)?.role;
  const syncMoved =
    syncBefore === undefined
      ? undefined
      : after.find((s) => s.node === SYNC_STANDBY && s.role !== syncBefore && !NO_ANSWER.has(s.role));
  const acked = input.writes.filter((w) => w.outcome === 'ok').sort((a, b) => a.end - b.end);
  const elsewhere = acked.find((w) => w.end >= input.faultAt && w.node !== input.oldPrimary);
  const logged = input.logEvents.filter((e) => e.t >= input.faultAt);
  const stopped = logged.find((e) => e.node === input.oldPrimary && e.kind === 'shutdown-requested');
  const writable = logged.find((e) => e.node !== input.oldPrimary && e.kind === 'writable');
  const locked = logged.find((e) => e.node !== input.oldPrimary && e.kind === 'lock-acquired');
  const lastLogged = Math.max(input.faultAt, ...input.logEvents.map((e) => e.t), ...samples.map((x) => x.t));
  const spans = writableSpans(input.logEvents, input.oldPrimary, input.faultAt, input.frozen);
  const overlapMs = writableOverlaps(spans, lastLogged).reduce((sum, o) => sum + (o.to - o.from), 0);
  return {
    oldPrimary: input.oldPrimary,
    oldPrimaryDemotedAt: demoted ? rel(demoted.t) : null,
    newPrimary: promoted?.node ?? null,
    newPrimaryAt: promoted ? rel(promoted.t) : null,
    leaderKeyMovedAt: keyMoved ? rel(keyMoved.t) : null,
    leaderKeyGoneAt: keyGone ? rel(keyGone.t) : null,
    firstWriteElsewhereAt: elsewhere ? rel(elsewhere.end) : null,
    endedAt: input.endedAt === null ? null : rel(input.endedAt),
    syncStandbyMovedAt: syncMoved ? rel(syncMoved.t) : null,
    oldPrimaryStoppedWritesAt: stopped ? rel(stopped.t) : null,
    newPrimaryWritableAt: writable ? rel(writable.t) : null,
    lockAcquiredAt: locked ? rel(locked.t) : null,
    writableOverlapSeconds: Math.round(overlapMs / 100) / 10,
    ackedBetween: (from, to) =>
      acked.filter((w) => w.end >= input.faultAt + from * 1000 && w.end < input.faultAt + to * 1000).length,
  };
}

export interface PhaseMark {
  readonly name: string;
  readonly at: number;
}

export interface PhaseStats {
  readonly name: string;
  /** Seconds after the fault. */
  readonly from: number;
  readonly to: number;
  readonly acknowledged: number;
  /** Acknowledged writes per second. */
  readonly perSecond: number;
  /** Commit latency as the client saw it (send to acknowledgement), milliseconds; null: no commit. */
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly maxMs: number | null;
}

function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? null;
}

/**
 * Splits the run at the marks (each starts a phase that lasts until the next mark or `end`) and
 * measures each phase's commits: a write belongs to the phase in which it was acknowledged.
 */
export function phaseStats(
  writes: readonly WriteRecord[],
  marks: readonly PhaseMark[],
  faultAt: number,
  end: number,
): PhaseStats[] {
  const sorted = [...marks].sort((a, b) => a.at - b.at);
  return sorted.map((mark, i) => {
    const to = sorted[i + 1]?.at ?? end;
    const inside = writes.filter((w) => w.outcome === 'ok' && w.end >= mark.at && w.end < to);
    const latencies = inside.map((w) => w.end - w.start).sort((a, b) => a - b);
    const seconds = Math.max(0.001, (to - mark.at) / 1000);
    return {
      name: mark.name,
      from: round((mark.at - faultAt) / 1000),
      to: round((to - faultAt) / 1000),
      acknowledged: inside.length,
      perSecond: round(inside.length / seconds),
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      maxMs: latencies.at(-1) ?? null,
    };
  });
}
