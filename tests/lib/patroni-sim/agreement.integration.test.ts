import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAgreement, parseClusterResults } from '../../../scripts/lib/sim-agreement.ts';
import { LAB_LIKE } from './support.ts';

const fixture = (name: string) => `tests/fixtures/cluster-results/${name}.json`;
const read = (name: string) => parseClusterResults(JSON.parse(readFileSync(fixture(name), 'utf8')), name);

/**
 * Runs the script on a results file; returns its exit code and output. The fault results it also
 * checks are a fixture's (none by default), never the project's bench-results/faults.json, which
 * was measured with the lab's own HAProxy checks, not a fixture lab's, and changes with every run.
 */
function runScript(
  file: string,
  labDir = 'tests/fixtures/lab',
  faultsFile = 'tests/fixtures/faults/none.json',
): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, ['scripts/check-sim-agreement.ts', file], {
      encoding: 'utf8',
      env: { ...process.env, LAB_DIR: labDir, FAULTS_RESULTS: faultsFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}

describe("the simulator agrees with the real cluster's failover", () => {
  it('accepts a measurement inside the predicted windows', () => {
    const agreement = checkAgreement(read('measured'), LAB_LIKE);
    expect(agreement.ok).toBe(true);
    expect(agreement.rows.map((r) => [r.measured, r.window])).toEqual([
      [22.4, { min: 20, max: 31 }],
      [23.9, { min: 21.3, max: 34.5 }],
    ]);
    expect(agreement.report).toContain('✔ new leader holds the lock    measured 22.4 s, predicted 20.0-31.0 s');
  });

  it('refuses a measurement outside, and says to fix the model', () => {
    const agreement = checkAgreement(read('too-slow'), LAB_LIKE);
    expect(agreement.ok).toBe(false);
    expect(agreement.rows.map((r) => r.ok)).toEqual([false, false]);
    expect(agreement.report).toContain('fix the model (src/islands/patroni-sim/), not this check');
  });

  it('allows only for the harness polling every 100 ms and rounding to 0.1 s', () => {
    const at = (lock: number) =>
      checkAgreement(
        {
          timing: { ttl: 30, loop_wait: 10, retry_timeout: 10 },
          failover: { leaderLockSeconds: lock, haproxyRoutesSeconds: 25 },
        },
        LAB_LIKE,
      ).rows[0]?.ok;
    expect([19.9, 19.95, 31.2, 31.3].map(at)).toEqual([false, true, true, false]);
  });

  it('uses the timing the cluster ran with, not the defaults', () => {
    const results = {
      timing: { ttl: 20, loop_wait: 2, retry_timeout: 9 },
      failover: { leaderLockSeconds: 22.4, haproxyRoutesSeconds: 23.9 },
    };
    expect(checkAgreement(results, LAB_LIKE).rows[0]?.window).toEqual({ min: 18, max: 21 });
  });

  it('rejects a results file without a trustworthy measurement', () => {
    expect(() => read('failed-run')).toThrow('failed-run: the cluster run did not pass');
    expect(() => parseClusterResults({ timing: { ttl: 30, loop_wait: 10, retry_timeout: 10 } }, 'r.json')).toThrow(
      'r.json: no "failover" object; did the cluster run measure a failover?',
    );
  });

  it('runs as a script: exit 0 when they agree, 1 when not', () => {
    const good = runScript(fixture('measured'), 'tests/fixtures/no-lab-here');
    expect(good.code).toBe(0);
    expect(good.output).toContain("(no lab files in tests/fixtures/no-lab-here: HAProxy's own defaults were assumed)");
    expect(good.output).toContain('Faults: tests/fixtures/faults/none.json does not exist');
    expect(runScript(fixture('too-slow'), 'tests/fixtures/no-lab-here').code).toBe(1);
    const missing = runScript('tests/fixtures/cluster-results/none.json');
    expect(missing).toEqual({
      code: 1,
      output: expect.stringContaining(
        'tests/fixtures/cluster-results/none.json does not exist: run `npm run test:cluster` first',
      ),
    });
  });

  it('checks the fault results it is given against the same model', () => {
    // The trimmed real run of tests/lib/fault-results.test.ts, measured with the lab's own files.
    const run = runScript(fixture('measured'), 'content/lab', 'tests/fixtures/faults/measured.json');
    expect(run.output).toContain('Faults: the real cluster against the simulator');
    expect(run.output).toContain('✔ primary-cut-off: another node holds the lock');
    expect(run.code).toBe(0);
  });

  it("takes HAProxy's checks from the lab files", () => {
    // The fixture lab checks every 3 s and needs 3 successes: HAProxy cannot follow within 23.9 s.
    const slow = runScript(fixture('measured'), 'tests/fixtures/lab');
    expect(slow.code).toBe(1);
    expect(slow.output).toContain('HAProxy inter 3 s, rise 3');
    expect(slow.output).toContain('✘ HAProxy routes writes to it  measured 23.9 s, predicted 26.3-41.5 s');
  });
});
