/**
 * The cluster test's recent passed runs (bench-results/cluster-runs.json): `npm run test:cluster`
 * appends each passed run's failover and switchover timings and keeps the last RECENT_RUNS, so the
 * lab article's table of runs and the ranges the failover article quotes come from what the test
 * measured, never from numbers typed by hand. Pure: the component (ClusterRuns.astro) reads the file,
 * and scripts/cluster/test-cluster.ts writes it with `appendRun`.
 */

export const CLUSTER_RUNS_FILE = 'bench-results/cluster-runs.json';
export const RECENT_RUNS = 5;

export interface ClusterRun {
  readonly measuredAt: string;
  readonly failover: {
    readonly leaderLockSeconds: number;
    readonly haproxyRoutesSeconds: number;
    readonly firstWriteSeconds: number;
  };
  readonly switchover: { readonly haproxyRoutesSeconds: number };
}

/** The timings a page may quote as a range over the recent runs. */
export const RUN_FIELDS = [
  'failover.leaderLockSeconds',
  'failover.haproxyRoutesSeconds',
  'failover.firstWriteSeconds',
  'switchover.haproxyRoutesSeconds',
] as const;
export type RunField = (typeof RUN_FIELDS)[number];

const HINT = `run \`npm run test:cluster\` (Linux, root; a passed run adds itself to ${CLUSTER_RUNS_FILE}) and commit the file`;

function isSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** The runs in the file, oldest first; fails loudly, with the fix, on a missing or malformed file. */
export function parseClusterRuns(raw: unknown): ClusterRun[] {
  if (raw === undefined) throw new Error(`${CLUSTER_RUNS_FILE} is missing: ${HINT}.`);
  const runs = (raw as { runs?: unknown }).runs;
  if (!Array.isArray(runs) || runs.length === 0) {
    throw new Error(`${CLUSTER_RUNS_FILE}: "runs" must be a list of at least one run: ${HINT}.`);
  }
  runs.forEach((run: unknown, index) => {
    const r = run as Partial<ClusterRun> | null;
    const ok =
      typeof r?.measuredAt === 'string' &&
      isSeconds(r.failover?.leaderLockSeconds) &&
      isSeconds(r.failover.haproxyRoutesSeconds) &&
      isSeconds(r.failover.firstWriteSeconds) &&
      isSeconds(r.switchover?.haproxyRoutesSeconds);
    if (!ok) {
      throw new Error(`${CLUSTER_RUNS_FILE}: run ${index + 1} lacks measuredAt or a number of seconds: ${HINT}.`);
    }
  });
  return runs as ClusterRun[];
}

/** The file after one more passed run: appended in time order, only the last RECENT_RUNS kept. */
export function appendRun(raw: unknown, run: ClusterRun): { runs: ClusterRun[] } {
  const previous = raw === undefined ? [] : parseClusterRuns(raw);
  const runs = [...previous, run].sort((a, b) => a.measuredAt.localeCompare(b.measuredAt));
  return { runs: runs.slice(-RECENT_RUNS) };
}

export function runValue(run: ClusterRun, field: RunField): number {
  const [group, key] = field.split('.') as ['failover' | 'switchover', string];
  return (run[group] as Record<string, number>)[key] ?? NaN;
}

/** "22.4 to 29.2": the smallest and largest value of a field over the runs, to a tenth of a second. */
export function runRange(runs: readonly ClusterRun[], field: RunField): string {
  const values = runs.map((run) => runValue(run, field));
  return `${Math.min(...values).toFixed(1)} to ${Math.max(...values).toFixed(1)}`;
}

/** "1.1 to 2.4": how long after the new leader took the key HAProxy routed writes to it, over the runs. */
export function routingLagRange(runs: readonly ClusterRun[]): string {
  const lags = runs.map((r) => r.failover.haproxyRoutesSeconds - r.failover.leaderLockSeconds);
  return `${Math.min(...lags).toFixed(1)} to ${Math.max(...lags).toFixed(1)}`;
}

/** The number of runs as a word, for prose ("five runs"). */
export function runCountWord(runs: readonly ClusterRun[]): string {
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  return words[runs.length] ?? String(runs.length);
}
