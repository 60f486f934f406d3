/**
 * Agreement with reality beyond the crash: `npm run test:faults` injects faults into the lab's real
 * cluster and writes what it measured to bench-results/faults.json. For the faults the simulator
 * models (the primary cut off from everything, one etcd member lost, etcd without a majority), the
 * measured times must fall inside the windows predict-faults.ts derives from the model, and what
 * happened must be what the model says happens (failover or none). If not, the model is wrong: fix
 * the model, not this check. A paused primary is, to the replicas, a primary cut off from
 * everything: it neither renews its key nor answers, so the takeover must fall in the cut's lock
 * and routing windows; what the primary does once resumed is not modelled. Faults the model has no
 * action for (a partial partition, a throttled link, failsafe_mode) are listed as not modelled.
 *
 * Allowances for how each time is measured, late side (early side: MEASUREMENT_EARLY_S):
 * - the demotion is PostgreSQL's "received fast shutdown request" in the node's log, which follows
 *   Patroni's decision by the time it takes to start stopping PostgreSQL: up to 1 s;
 * - the lock is the line Patroni logs just after its compare-and-swap in etcd: 0.2 s;
 * - routing is the first write the client saw acknowledged by the new primary; two clients write
 *   about every 100 ms each: 0.5 s.
 */
import type { FaultResults, FaultScenario } from '../../src/lab/fault-results.ts';
import { MEASUREMENT_EARLY_S } from './sim-agreement.ts';
import type { SimParams } from '../../src/islands/patroni-sim/params.ts';
import { inWindow, type Window } from '../../src/islands/patroni-sim/predict.ts';
import { predictDemotion, predictPrimaryCut } from '../../src/islands/patroni-sim/predict-faults.ts';

const LATE = { demote: 1, lock: 0.2, routed: 0.5 } as const;

/** Which scenarios the model can run, and as what. */
export const MODELLED: Readonly<Record<string, 'cut' | 'pause' | 'etcd-leader-lost' | 'quorum-lost'>> = {
  'primary-cut-off': 'cut',
  'primary-cut-off-async': 'cut',
  'primary-paused': 'pause',
  'primary-paused-async': 'pause',
  'etcd-member-lost': 'etcd-leader-lost',
  'etcd-quorum-lost': 'quorum-lost',
};

export interface FaultAgreementRow {
  readonly scenario: string;
  readonly what: string;
  /** Seconds after the fault, or a word for what happened. */
  readonly measured: string;
  readonly predicted: string;
  readonly ok: boolean;
}

export interface FaultAgreement {
  readonly ok: boolean;
  readonly rows: readonly FaultAgreementRow[];
  readonly notModelled: readonly string[];
  readonly report: string;
}

const win = (w: Window) => `${w.min.toFixed(1)}-${w.max.toFixed(1)} s`;

function timed(
  scenario: string,
  what: string,
  measured: number | null,
  window: Window,
  late: number,
): FaultAgreementRow {
  return {
    scenario,
    what,
    measured: measured === null ? 'never' : `${measured.toFixed(1)} s`,
    predicted: win(window),
    ok: measured !== null && inWindow(measured, { min: window.min - MEASUREMENT_EARLY_S, max: window.max + late }),
  };
}

function event(scenario: string, what: string, happenedAt: number | null, endedAt: number | null): FaultAgreementRow {
  const during = happenedAt !== null && (endedAt === null || happenedAt < endedAt);
  return {
    scenario,
    what,
    measured: during ? `at ${happenedAt.toFixed(1)} s` : 'no',
    predicted: 'no',
    ok: !during,
  };
}

function rowsFor(s: FaultScenario, params: SimParams): FaultAgreementRow[] {
  const f = s.facts;
  const stopped = f.oldPrimaryStoppedWritesAt;
  switch (MODELLED[s.id]) {
    case 'cut': {
      const p = predictPrimaryCut(params);
      return [
        timed(s.id, 'old primary stops taking writes', stopped, p.demote, LATE.demote),
        timed(s.id, 'another node holds the lock', f.lockAcquiredAt, p.lock, LATE.lock),
        timed(s.id, 'HAProxy sends writes to it', f.firstWriteElsewhereAt, p.routed, LATE.routed),
      ];
    }
    case 'pause': {
      const p = predictPrimaryCut(params);
      return [
        timed(s.id, 'another node holds the lock', f.lockAcquiredAt, p.lock, LATE.lock),
        timed(s.id, 'HAProxy sends writes to it', f.firstWriteElsewhereAt, p.routed, LATE.routed),
      ];
    }
    case 'quorum-lost':
      return [
        timed(s.id, 'old primary stops taking writes', stopped, predictDemotion(params), LATE.demote),
        event(s.id, 'another node takes over', f.newPrimaryWritableAt, f.endedAt),
      ];
    case 'etcd-leader-lost':
      return [
        event(s.id, 'old primary stops taking writes', stopped, f.endedAt),
        event(s.id, 'another node takes over', f.newPrimaryWritableAt, f.endedAt),
      ];
    default:
      return [];
  }
}

/**
 * Compares the measured scenarios with the model. `params` supplies HAProxy's checks (from the lab's
 * files); the timing comes from the results.
 */
export function checkFaultAgreement(results: FaultResults, params: SimParams): FaultAgreement {
  const full = { ...params, ...results.timing };
  const rows = results.scenarios.flatMap((s) => rowsFor(s, full));
  const notModelled = results.scenarios.filter((s) => MODELLED[s.id] === undefined).map((s) => s.id);
  const ok = rows.length > 0 && rows.every((r) => r.ok);
  const width = Math.max(0, ...rows.map((r) => `${r.scenario}: ${r.what}`.length));
  const lines = [
    `Faults: the real cluster against the simulator's prediction (ttl ${full.ttl}, loop_wait ${full.loop_wait}, retry_timeout ${full.retry_timeout})`,
    ...rows.map(
      (r) =>
        `  ${r.ok ? '✔' : '✘'} ${`${r.scenario}: ${r.what}`.padEnd(width)}  measured ${r.measured}, predicted ${r.predicted}`,
    ),
    `  not modelled by the simulator: ${notModelled.join(', ') || 'none'}`,
  ];
  if (rows.length === 0) lines.push('  ✘ no scenario the simulator models was measured: run `npm run test:faults`.');
  else if (!ok)
    lines.push(
      '  The real cluster did something the model does not predict: fix the model (src/islands/patroni-sim/), not this check.',
    );
  return { ok, rows, notModelled, report: lines.join('\n') };
}
