/**
 * The cluster harness's shared steps: what every lab that boots real daemons on loopback and checks
 * them needs, whatever it runs (the Patroni lab today; a Redis lab or a network-fault lab reuse it).
 *
 * A run, its checks and its report:
 *   const run = new HarnessRun('bench-results/x.json');   (…, 'faults') names the closing line
 *   run.onInterrupt(() => stopEverything());      SIGINT/SIGTERM: stop what the run started, exit 130
 *   const v = await run.step('Name', async () => ({ value, detail }));
 *                                                  one check, timed and printed; a throw fails it and
 *                                                  stops the run (catch it once, around all steps)
 *   run.record({ name, ok, seconds, detail })      a check that ran on its own and reported its
 *                                                  outcome (a fault scenario): a failure does not
 *                                                  stop the run
 *   run.elapsed(since) / seconds(ms)               durations as the reports give them (0.1 s)
 *   run.printTimings([[label, value], …])          the "Measured timings" table
 *   printLogTails(logDir, ['etcd1', …])            each daemon's last log lines, to explain a failure
 *   run.finish(results, passed)                    writes the results file (results + passed, total
 *                                                  time, checks), prints the closing line CI reads
 *                                                  ("cluster: N passed, M failed"), sets the exit code
 *
 * Processes, by PID, never by name: startProcess, stopProcess, isAlive, signal (processes.ts) and
 * the ProcessBook that remembers what a lab started across commands (process-book.ts).
 *
 * Bounded waiting: waitFor(what, timeoutMs, probe) and sleep (wait-for.ts). Every wait has a
 * deadline and says what it waited for.
 *
 * Routing: waitForWritesTo(lab, node) waits until HAProxy's write port reaches `node` as a
 * primary, and returns when it first did.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DbNode, LabLayout } from './lab-layout.ts';
import { whoAnswers } from './postgres-client.ts';
import { waitFor } from './wait-for.ts';

export { ProcessBook } from './process-book.ts';
export { isAlive, signal, startProcess, stopProcess } from './processes.ts';
export { sleep, waitFor, WaitTimeout } from './wait-for.ts';

/** A duration in seconds, rounded to a tenth, as the reports give them. */
export const seconds = (ms: number): number => Math.round(ms / 100) / 10;

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly seconds: number;
  readonly detail: string;
}

const print = (text: string): void => {
  process.stdout.write(text);
};

/** One run of a lab's checks: their record, the run's clock, and its results file. */
export class HarnessRun {
  readonly checks: Check[] = [];
  readonly started = Date.now();
  private readonly resultsFile: string;
  private readonly label: string;

  /** `label` starts the closing line ("cluster: 12 passed, 0 failed"). */
  constructor(resultsFile: string, label = 'cluster') {
    this.resultsFile = resultsFile;
    this.label = label;
  }

  /** Records a check that ran on its own and reported its outcome; a failure does not stop the run. */
  record(check: Check): void {
    this.checks.push(check);
  }

  /** Runs one step; records it as a passed or failed check. A failure stops the run (it rethrows). */
  async step<T>(name: string, body: () => Promise<{ value: T; detail: string }>): Promise<T> {
    const started = Date.now();
    print(`\n▶ ${name}\n`);
    try {
      const { value, detail } = await body();
      this.checks.push({ name, ok: true, seconds: seconds(Date.now() - started), detail });
      print(`  ✔ ${detail} (${seconds(Date.now() - started)} s)\n`);
      return value;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.checks.push({ name, ok: false, seconds: seconds(Date.now() - started), detail });
      print(`  ✘ ${detail}\n`);
      throw error;
    }
  }

  /** Seconds since `since` (a Date.now() value). */
  elapsed(since: number): number {
    return seconds(Date.now() - since);
  }

  /**
   * On Ctrl-C or a CI timeout, runs `stop` (which stops what the run started) and exits with 130.
   * Returns the function that removes the handlers, for when the run ends normally.
   */
  onInterrupt(stop: () => Promise<unknown>): () => void {
    const handler = (sig: NodeJS.Signals) => {
      print(`\n${sig} received: stopping the processes this run started…\n`);
      void stop().finally(() => process.exit(130));
    };
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
    return () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    };
  }

  /** The "Measured timings" table: one `label  value` line per row, labels aligned. */
  printTimings(rows: readonly (readonly [string, string])[]): void {
    const width = Math.max(...rows.map(([label]) => label.length));
    print('\nMeasured timings\n');
    for (const [label, value] of rows) print(`  ${label.padEnd(width)}  ${value}\n`);
  }

  /**
   * Writes the results file (`results`, then whether the run passed, its total time and every
   * check), prints where it is and the closing line CI reads, and sets the exit code.
   */
  finish(results: Record<string, unknown>, passed: boolean): void {
    const totalSeconds = this.elapsed(this.started);
    mkdirSync(dirname(this.resultsFile), { recursive: true });
    writeFileSync(
      this.resultsFile,
      `${JSON.stringify({ ...results, passed, totalSeconds, checks: this.checks }, null, 2)}\n`,
    );
    const failed = this.checks.filter((check) => !check.ok).length;
    print(`\nWhole run: ${totalSeconds} s. Results in ${this.resultsFile}\n`);
    print(`${this.label}: ${this.checks.length - failed} passed, ${failed} failed\n`);
    process.exitCode = passed ? 0 : 1;
  }
}

/** The last `count` lines of each daemon's log in `logDir` (`<name>.log`); a missing log is skipped. */
export function printLogTails(logDir: string, names: readonly string[], count = 8): void {
  for (const name of names) {
    let text: string;
    try {
      text = readFileSync(join(logDir, `${name}.log`), 'utf8');
    } catch {
      continue; // No log: that daemon never started.
    }
    print(`\n--- last lines of ${name}.log ---\n${text.trimEnd().split('\n').slice(-count).join('\n')}\n`);
  }
}

/**
 * Waits until a connection to HAProxy's write port reaches `node` and finds it a primary; returns
 * the time (Date.now()) it first did. Asks every `intervalMs`, for at most `timeoutMs`.
 */
export async function waitForWritesTo(
  lab: LabLayout,
  node: DbNode,
  { timeoutMs = 60_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<number> {
  return waitFor(
    `HAProxy to route writes to ${node.name}`,
    timeoutMs,
    async () => {
      const who = await whoAnswers(lab, lab.writeAddress);
      return who?.host === node.pgHost && who.primary ? Date.now() : undefined;
    },
    { intervalMs },
  );
}
