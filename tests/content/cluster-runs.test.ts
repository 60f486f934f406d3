import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAgreement, parseClusterResults } from '../../scripts/lib/sim-agreement.ts';
import { parseClusterRuns } from '../../src/lab/cluster-runs.ts';
import { labParams } from '../../src/lab/simulator-params.ts';

/**
 * The failover article says that every recorded run lands inside the simulator's predicted windows;
 * this holds it to the recorded runs (bench-results/cluster-runs.json, written by the cluster test),
 * with the lab's files, whose timings every run used.
 */
function labFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync('content/lab', { recursive: true, encoding: 'utf8' })) {
    if (/\.(ya?ml|cfg)$/.test(entry)) files[`content/lab/${entry}`] = readFileSync(join('content/lab', entry), 'utf8');
  }
  return files;
}

const runs = parseClusterRuns(JSON.parse(readFileSync('bench-results/cluster-runs.json', 'utf8')));
const { timing } = parseClusterResults(JSON.parse(readFileSync('bench-results/cluster.json', 'utf8')));
const { params } = labParams(labFiles());

describe('every recorded cluster run lands inside the predicted failover windows', () => {
  for (const run of runs) {
    it(`the run of ${run.measuredAt}`, () => {
      const agreement = checkAgreement({ timing, failover: run.failover }, params);
      expect(agreement.ok, agreement.report).toBe(true);
    });
  }
});
