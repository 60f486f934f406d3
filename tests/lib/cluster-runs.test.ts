import { describe, expect, it } from 'vitest';
import {
  appendRun,
  parseClusterRuns,
  RECENT_RUNS,
  routingLagRange,
  runCountWord,
  runRange,
  type ClusterRun,
} from '../../src/lab/cluster-runs.ts';

function run(day: number, lock: number, routed: number, switchover = 5): ClusterRun {
  return {
    measuredAt: `2026-11-${String(day).padStart(2, '0')}T12:00:00.000Z`,
    failover: { leaderLockSeconds: lock, haproxyRoutesSeconds: routed, firstWriteSeconds: routed + 0.1 },
    switchover: { haproxyRoutesSeconds: switchover },
  };
}

describe("the cluster test's recent runs", () => {
  it('appends a passed run in time order and keeps only the most recent ones', () => {
    let file: unknown = undefined;
    for (let day = 1; day <= RECENT_RUNS + 2; day++) file = appendRun(file, run(day, 20 + day, 22 + day));
    const runs = parseClusterRuns(file);
    expect(runs).toHaveLength(RECENT_RUNS);
    expect(runs[0]?.measuredAt).toBe('2026-11-03T12:00:00.000Z');
    expect(runs.at(-1)?.measuredAt).toBe(`2026-11-0${RECENT_RUNS + 2}T12:00:00.000Z`);
    // A run recorded out of order still lands in its place.
    const reordered = parseClusterRuns(appendRun({ runs: [run(5, 25, 27)] }, run(4, 24, 26)));
    expect(reordered.map((r) => r.measuredAt.slice(8, 10))).toEqual(['04', '05']);
  });

  it('quotes ranges over the runs to a tenth of a second, and the count as a word', () => {
    const runs = [run(1, 22.4, 23.9), run(2, 29.2, 31.6), run(3, 28, 30.2)];
    expect(runRange(runs, 'failover.leaderLockSeconds')).toBe('22.4 to 29.2');
    expect(runRange(runs, 'failover.haproxyRoutesSeconds')).toBe('23.9 to 31.6');
    expect(routingLagRange(runs)).toBe('1.5 to 2.4');
    expect(runCountWord(runs)).toBe('three');
  });

  it('refuses a missing or malformed file, with the fix', () => {
    expect(() => parseClusterRuns(undefined)).toThrow(
      'bench-results/cluster-runs.json is missing: run `npm run test:cluster`',
    );
    expect(() => parseClusterRuns({ runs: [] })).toThrow('"runs" must be a list of at least one run');
    expect(() => parseClusterRuns({ runs: [{ measuredAt: 'x', failover: {}, switchover: {} }] })).toThrow(
      'run 1 lacks measuredAt or a number of seconds',
    );
  });
});
