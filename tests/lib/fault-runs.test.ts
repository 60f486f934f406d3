import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFaultResults } from '../../src/lab/fault-results.ts';
import {
  appendFaultRun,
  parseFaultRuns,
  raceOutcomes,
  raceTally,
  raceTallyText,
  RECENT_FAULT_RUNS,
  type FaultRun,
} from '../../src/lab/fault-runs.ts';

/** The trimmed real run of tests/lib/fault-results.test.ts: primary-paused-async lost writes there. */
const FIXTURE = 'tests/fixtures/faults/measured.json';
const results = parseFaultResults(readFileSync(FIXTURE, 'utf8'), FIXTURE);

const run = (measuredAt: string, keptLead: boolean, lost: number, repairs = 0): FaultRun => ({
  measuredAt,
  patroni: '3.0.2',
  races: [{ id: 'primary-paused', oldPrimaryKeptLead: keptLead, lost, splitBrainWrites: lost, repairs }],
});

describe('raceOutcomes', () => {
  it('keeps the scenarios a race decides, with what each did', () => {
    const outcome = raceOutcomes(results);
    expect(outcome.patroni).toBe(results.versions['patroni']);
    expect(outcome.races.map((r) => r.id)).toEqual(['primary-paused', 'primary-paused-async']);
    const async = outcome.races[1];
    expect(async?.oldPrimaryKeptLead).toBe(true);
    expect(async?.lost).toBeGreaterThan(0);
    expect(outcome.races[0]).toMatchObject({ oldPrimaryKeptLead: false, lost: 0, repairs: 0 });
  });
});

describe('appendFaultRun', () => {
  it('starts the file, keeps time order and replaces a run recorded twice', () => {
    const one = appendFaultRun(undefined, run('2026-12-05T02:00:00Z', false, 0));
    const two = appendFaultRun(one, run('2026-12-05T01:00:00Z', true, 85));
    expect(two.runs.map((r) => r.measuredAt)).toEqual(['2026-12-05T01:00:00Z', '2026-12-05T02:00:00Z']);
    expect(appendFaultRun(two, run('2026-12-05T02:00:00Z', false, 0)).runs).toHaveLength(2);
  });

  it(`keeps only the last ${RECENT_FAULT_RUNS}`, () => {
    let file: unknown;
    for (let hour = 10; hour < 10 + RECENT_FAULT_RUNS + 2; hour++)
      file = appendFaultRun(file, run(`2026-12-05T${hour}:00:00Z`, false, 0));
    const runs = parseFaultRuns(file);
    expect(runs).toHaveLength(RECENT_FAULT_RUNS);
    expect(runs[0]?.measuredAt).toBe('2026-12-05T12:00:00Z');
  });
});

describe('parseFaultRuns', () => {
  it('says how to write the file when it is missing', () => {
    expect(() => parseFaultRuns(undefined)).toThrow(
      'bench-results/fault-runs.json is missing: run `npm run test:faults` (Linux, root; a passed full run adds itself to bench-results/fault-runs.json) and commit the file.',
    );
  });

  it('names the field that is wrong', () => {
    expect(() => parseFaultRuns({ runs: [{ measuredAt: 'x', patroni: '3.0.2', races: [{ id: 'p' }] }] })).toThrow(
      /^bench-results\/fault-runs\.json: runs\.0\.races\.0\.oldPrimaryKeptLead: .*: run `npm run test:faults`/,
    );
  });
});

describe('raceTally and raceTallyText', () => {
  const runs = [run('a', true, 85, 1), run('b', false, 0), run('c', true, 90)];

  it('counts how the race went', () => {
    expect(raceTally(runs, 'primary-paused')).toEqual({ runs: 3, keptLead: 2, lostPerRun: [85, 90], repaired: 1 });
  });

  it('says it in words', () => {
    expect(raceTallyText(raceTally(runs, 'primary-paused'))).toBe(
      'in 2 of 3 runs the resumed primary kept or took back the lead; 2 of 3 lost acknowledged writes (85 and 90); the harness had to repair the cluster after 1',
    );
    expect(raceTallyText(raceTally([run('b', false, 0)], 'primary-paused'))).toBe(
      'in 0 of 1 run the resumed primary kept or took back the lead; no run lost an acknowledged write',
    );
  });
});
