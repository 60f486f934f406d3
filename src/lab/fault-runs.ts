/**
 * The fault test's recent passed runs, for the outcomes a race decides (bench-results/fault-runs.json).
 * A paused primary that resumes may or may not take its leader key back, so one run's outcome is
 * one sample: every passed full `npm run test:faults` adds what each such scenario did, and the
 * pages say how often each outcome came up (FaultObserved.astro). Pure: run-inside.ts appends with
 * `appendFaultRun`, the component reads the file through bench-results.ts.
 */
import { z } from 'zod';
import type { FaultResults } from './fault-results.ts';

export const FAULT_RUNS_FILE = 'bench-results/fault-runs.json';
export const RECENT_FAULT_RUNS = 10;

/** What one scenario whose outcome a race decides did in one run. */
export const RaceOutcomeSchema = z.object({
  /** The scenario's id, e.g. "primary-paused". */
  id: z.string(),
  /** The old primary never stepped down after it resumed: it kept or took back the leader key. */
  oldPrimaryKeptLead: z.boolean(),
  /** Acknowledged writes missing from the surviving primary. */
  lost: z.number().int().nonnegative(),
  /** Writes acknowledged while two primaries took writes. */
  splitBrainWrites: z.number().int().nonnegative(),
  /** How many repairs the harness made before the cluster was whole again. */
  repairs: z.number().int().nonnegative(),
});

/** One passed full run. */
export const FaultRunSchema = z.object({
  /** When the run finished, ISO 8601. */
  measuredAt: z.string(),
  /** Patroni's version in the run. */
  patroni: z.string(),
  /** Each scenario with an observed (race-decided) claim, in run order. */
  races: z.array(RaceOutcomeSchema),
});

export const FaultRunsSchema = z.object({
  /** Oldest first; at most RECENT_FAULT_RUNS. */
  runs: z.array(FaultRunSchema).min(1),
});

export type RaceOutcome = z.infer<typeof RaceOutcomeSchema>;
export type FaultRun = z.infer<typeof FaultRunSchema>;

const HINT = `run \`npm run test:faults\` (Linux, root; a passed full run adds itself to ${FAULT_RUNS_FILE}) and commit the file`;

/** The runs in the file, oldest first; fails loudly, with the fix, on a missing or malformed file. */
export function parseFaultRuns(raw: unknown): FaultRun[] {
  if (raw === undefined) throw new Error(`${FAULT_RUNS_FILE} is missing: ${HINT}.`);
  const result = FaultRunsSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `${FAULT_RUNS_FILE}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}: ${HINT}.`,
    );
  }
  return result.data.runs;
}

/** What a run's scenarios with observed claims did, from its results (faults.json). */
export function raceOutcomes(results: FaultResults): FaultRun {
  return {
    measuredAt: results.measuredAt,
    patroni: results.versions['patroni'] ?? 'unknown',
    races: results.scenarios
      .filter((s) => s.claims.some((c) => !c.gating))
      .map((s) => ({
        id: s.id,
        oldPrimaryKeptLead: (s.facts.oldPrimaryStoppedWritesAt ?? s.facts.oldPrimaryDemotedAt) === null,
        lost: s.history.lost,
        splitBrainWrites: s.history.splitBrain.reduce((n, o) => n + o.writes, 0),
        repairs: s.repairs.length,
      })),
  };
}

/** The file after one more passed run: in time order, only the last RECENT_FAULT_RUNS kept. */
export function appendFaultRun(raw: unknown, run: FaultRun): { runs: FaultRun[] } {
  const previous = raw === undefined ? [] : parseFaultRuns(raw);
  const runs = [...previous.filter((r) => r.measuredAt !== run.measuredAt), run].sort((a, b) =>
    a.measuredAt.localeCompare(b.measuredAt),
  );
  return { runs: runs.slice(-RECENT_FAULT_RUNS) };
}

/** How one scenario's race went over the recent runs. */
export interface RaceTally {
  readonly runs: number;
  /** Runs in which the resumed primary kept or took back the lead. */
  readonly keptLead: number;
  /** The writes lost in each run that lost any, in run order. */
  readonly lostPerRun: readonly number[];
  /** Runs in which the harness had to repair the cluster afterwards. */
  readonly repaired: number;
}

export function raceTally(runs: readonly FaultRun[], scenarioId: string): RaceTally {
  const outcomes = runs.flatMap((r) => r.races.filter((o) => o.id === scenarioId));
  return {
    runs: outcomes.length,
    keptLead: outcomes.filter((o) => o.oldPrimaryKeptLead).length,
    lostPerRun: outcomes.filter((o) => o.lost > 0).map((o) => o.lost),
    repaired: outcomes.filter((o) => o.repairs > 0).length,
  };
}

/**
 * The tally in words: "in 3 of 5 runs the resumed primary kept or took back the lead; 2 runs lost
 * acknowledged writes (85 and 90); the harness had to repair the cluster after 1".
 */
export function raceTallyText(tally: RaceTally): string {
  const n = tally.runs;
  const lost =
    tally.lostPerRun.length === 0
      ? 'no run lost an acknowledged write'
      : `${tally.lostPerRun.length} of ${n} lost acknowledged writes (${listNumbers(tally.lostPerRun)})`;
  const repaired = tally.repaired === 0 ? '' : `; the harness had to repair the cluster after ${tally.repaired}`;
  return `in ${tally.keptLead} of ${n} ${n === 1 ? 'run' : 'runs'} the resumed primary kept or took back the lead; ${lost}${repaired}`;
}

function listNumbers(values: readonly number[]): string {
  const words = values.map(String);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}
