/**
 * Agreement with reality: the cluster test (`npm run test:cluster`) boots the lab's real cluster,
 * kills the leader and writes what it measured to a results file (bench-results/cluster.json):
 *
 *   { "timing": { "ttl": 30, "loop_wait": 10, "retry_timeout": 10 },
 *     "failover": { "leaderLockSeconds": 22.4, "haproxyRoutesSeconds": 23.9, ... }, ... }
 *
 * Both measured times must fall inside the window the model predicts for the same parameters
 * (predict.ts). If one does not, the model is wrong: fix the model, not this check.
 *
 * The only allowance is for how the harness measures: it polls etcd and HAProxy every 100 ms and
 * rounds to 0.1 s, so a measurement reads up to 0.05 s early (rounding) and up to 0.2 s late
 * (the poll interval, the query itself and rounding).
 */
import type { SimParams } from '../../src/islands/patroni-sim/params.ts';
import { inWindow, predictFailover, type Window } from '../../src/islands/patroni-sim/predict.ts';

export const MEASUREMENT_EARLY_S = 0.05;
export const MEASUREMENT_LATE_S = 0.2;

export interface ClusterResults {
  readonly timing: { readonly ttl: number; readonly loop_wait: number; readonly retry_timeout: number };
  readonly failover: { readonly leaderLockSeconds: number; readonly haproxyRoutesSeconds: number };
}

export interface AgreementRow {
  readonly what: string;
  readonly measured: number;
  readonly window: Window;
  readonly ok: boolean;
}

export interface Agreement {
  readonly ok: boolean;
  readonly rows: readonly AgreementRow[];
  /** A small table in plain text, for the test log. */
  readonly report: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks the shape of the harness's results file; throws a clear message when something is missing. */
export function parseClusterResults(value: unknown, file = 'the results file'): ClusterResults {
  if (!isRecord(value)) throw new Error(`${file}: expected a JSON object.`);
  if (value['passed'] === false) {
    throw new Error(`${file}: the cluster run did not pass, so its failover measurement cannot be trusted.`);
  }
  const timing = value['timing'];
  const failover = value['failover'];
  const numbers = (record: unknown, keys: readonly string[], where: string) => {
    if (!isRecord(record)) throw new Error(`${file}: no "${where}" object; did the cluster run measure a failover?`);
    for (const key of keys) {
      if (typeof record[key] !== 'number' || !Number.isFinite(record[key])) {
        throw new Error(`${file}: ${where}.${key} must be a number of seconds, not ${JSON.stringify(record[key])}.`);
      }
    }
  };
  numbers(timing, ['ttl', 'loop_wait', 'retry_timeout'], 'timing');
  numbers(failover, ['leaderLockSeconds', 'haproxyRoutesSeconds'], 'failover');
  return value as unknown as ClusterResults;
}

/**
 * Compares the measurements with the model's windows. `params` supplies what the results file does
 * not record (HAProxy's checks, from the same lab files); the timing comes from the results.
 */
export function checkAgreement(results: ClusterResults, params: SimParams): Agreement {
  const prediction = predictFailover({ ...params, ...results.timing });
  const row = (what: string, measured: number, window: Window): AgreementRow => ({
    what,
    measured,
    window,
    ok: inWindow(measured, { min: window.min - MEASUREMENT_EARLY_S, max: window.max + MEASUREMENT_LATE_S }),
  });
  const rows = [
    row('new leader holds the lock', results.failover.leaderLockSeconds, prediction.lock),
    row('HAProxy routes writes to it', results.failover.haproxyRoutesSeconds, prediction.routed),
  ];
  const { ttl, loop_wait: loopWait, retry_timeout: retryTimeout } = results.timing;
  const { interMs, rise } = params.haproxy;
  const width = Math.max(...rows.map((r) => r.what.length));
  const lines = [
    `Failover: the real cluster against the simulator's prediction (ttl ${ttl}, loop_wait ${loopWait}, retry_timeout ${retryTimeout}; HAProxy inter ${interMs / 1000} s, rise ${rise})`,
    ...rows.map(
      (r) =>
        `  ${r.ok ? '✔' : '✘'} ${r.what.padEnd(width)}  measured ${r.measured.toFixed(1)} s, predicted ${r.window.min.toFixed(1)}-${r.window.max.toFixed(1)} s`,
    ),
  ];
  const ok = rows.every((r) => r.ok);
  if (!ok) {
    lines.push(
      '  The real cluster did something the model does not predict: fix the model (src/islands/patroni-sim/), not this check.',
    );
  }
  return { ok, rows, report: lines.join('\n') };
}
