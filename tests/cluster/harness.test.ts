import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HarnessRun, printLogTails, seconds } from '../../scripts/cluster/harness.ts';

let dir: string;
let printed: string;
let exitCodeBefore: typeof process.exitCode;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cde-harness-test-'));
  printed = '';
  exitCodeBefore = process.exitCode;
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = exitCodeBefore;
  rmSync(dir, { recursive: true, force: true });
});

describe('HarnessRun', () => {
  it('records a passed step with its detail and returns its value', async () => {
    const run = new HarnessRun(join(dir, 'r.json'));
    const value = await run.step('Count', async () => ({ value: 3, detail: 'three of them' }));
    expect(value).toBe(3);
    expect(run.checks).toEqual([{ name: 'Count', ok: true, seconds: expect.any(Number), detail: 'three of them' }]);
    expect(printed).toContain('▶ Count');
    expect(printed).toContain('✔ three of them');
  });

  it('records a failed step with the error message and rethrows it', async () => {
    const run = new HarnessRun(join(dir, 'r.json'));
    const failing = run.step('Boot', async () => {
      throw new Error('etcd1 never became healthy');
    });
    await expect(failing).rejects.toThrow('etcd1 never became healthy');
    expect(run.checks).toEqual([
      { name: 'Boot', ok: false, seconds: expect.any(Number), detail: 'etcd1 never became healthy' },
    ]);
    expect(printed).toContain('✘ etcd1 never became healthy');
  });

  it('writes the results file, prints the closing line CI reads and sets the exit code', async () => {
    const file = join(dir, 'nested', 'cluster.json');
    const run = new HarnessRun(file);
    await run.step('One', async () => ({ value: undefined, detail: 'fine' }));
    await run.step('Two', async () => Promise.reject(new Error('broken'))).catch(() => undefined);
    run.finish({ measuredAt: 'then', failover: { seconds: 1.5 } }, false);

    const written = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(written)).toEqual(['measuredAt', 'failover', 'passed', 'totalSeconds', 'checks']);
    expect(written).toMatchObject({ measuredAt: 'then', failover: { seconds: 1.5 }, passed: false });
    expect((written['checks'] as { ok: boolean }[]).map((check) => check.ok)).toEqual([true, false]);
    expect(printed).toContain('cluster: 1 passed, 1 failed\n');
    expect(process.exitCode).toBe(1);

    process.exitCode = undefined;
    new HarnessRun(join(dir, 'ok.json')).finish({}, true);
    expect(process.exitCode).toBe(0);
  });

  it('records a check that ran on its own without stopping the run, and names the closing line', () => {
    const file = join(dir, 'faults.json');
    const run = new HarnessRun(file, 'faults');
    run.record({ name: 'primary-paused', ok: false, seconds: 98.1, detail: 'contradicted' });
    run.record({ name: 'replica-cut-off', ok: true, seconds: 42.5, detail: '2 of 2 claims held' });
    run.finish({}, false);
    const written = JSON.parse(readFileSync(file, 'utf8')) as { checks: { name: string }[] };
    expect(written.checks.map((check) => check.name)).toEqual(['primary-paused', 'replica-cut-off']);
    expect(printed).toContain('faults: 1 passed, 1 failed\n');
  });

  it('prints the timings table with the labels aligned', () => {
    new HarnessRun(join(dir, 'r.json')).printTimings([
      ['bootstrap', '12.3 s'],
      ['failover: lock', '25.0 s'],
    ]);
    expect(printed).toContain('\nMeasured timings\n  bootstrap       12.3 s\n  failover: lock  25.0 s\n');
  });
});

describe('seconds', () => {
  it('rounds milliseconds to a tenth of a second', () => {
    expect(seconds(1234)).toBe(1.2);
    expect(seconds(1250)).toBe(1.3);
    expect(seconds(0)).toBe(0);
  });
});

describe('printLogTails', () => {
  it("prints each log's last lines and skips a daemon that left no log", () => {
    writeFileSync(join(dir, 'etcd1.log'), Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n') + '\n');
    printLogTails(dir, ['etcd1', 'patroni9'], 3);
    expect(printed).toBe('\n--- last lines of etcd1.log ---\nline 10\nline 11\nline 12\n');
  });
});
