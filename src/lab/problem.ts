/**
 * One thing wrong with a configuration sample. Every checker in this folder
 * returns a list of these instead of throwing, so that a test can compare the
 * exact messages and the lab harness can print all of them at once.
 */
export interface Problem {
  /** The file the problem is in, as the reader knows it (e.g. `patroni/node1.yml`). */
  readonly file: string;
  /** Dotted path of the offending key (`bootstrap.dcs.ttl`), or `(file)` for the whole file. */
  readonly key: string;
  /** Short name of the rule that failed, stable enough to assert on in tests. */
  readonly rule: string;
  /** One sentence for a human: what is wrong, which rule says so, and how to fix it. */
  readonly message: string;
}

/** Builds a problem whose message always starts with the file and the key. */
export function problem(file: string, key: string, rule: string, text: string): Problem {
  // A problem with the whole file reads "file: text"; one with a key, "file: key: text".
  return { file, key, rule, message: key === '(file)' ? `${file}: ${text}` : `${file}: ${key}: ${text}` };
}

/** Formats problems one per line, for error output and thrown errors. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `- ${p.message}`).join('\n');
}
