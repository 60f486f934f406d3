/**
 * The measured run's bookkeeping: each step prints what it checks and what it found, is timed, and
 * is recorded as a passed or failed check for the results file; the first failure stops the run.
 */

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly seconds: number;
  readonly detail: string;
}

/** Milliseconds as seconds with one decimal, as the results file records durations. */
export const seconds = (ms: number): number => Math.round(ms / 100) / 10;

export class Steps {
  readonly checks: Check[] = [];

  /** Runs one step; records it as a passed or failed check. A failure is rethrown. */
  async step<T>(name: string, body: () => Promise<{ value: T; detail: string }>): Promise<T> {
    const started = Date.now();
    process.stdout.write(`\n▶ ${name}\n`);
    try {
      const { value, detail } = await body();
      this.checks.push({ name, ok: true, seconds: seconds(Date.now() - started), detail });
      process.stdout.write(`  ✔ ${detail} (${seconds(Date.now() - started)} s)\n`);
      return value;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.checks.push({ name, ok: false, seconds: seconds(Date.now() - started), detail });
      process.stdout.write(`  ✘ ${detail}\n`);
      throw error;
    }
  }
}
