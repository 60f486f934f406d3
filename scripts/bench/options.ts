/** Command-line options of `npm run bench` (see `--help`). */
import { parseArgs } from 'node:util';

export const PARTS = ['browser', 'anchors', 'lighthouse', 'builds', 'scale'] as const;
export type Part = (typeof PARTS)[number];

export interface BenchOptions {
  quick: boolean;
  /** Parts not to run. */
  skip: Part[];
  /** Lighthouse runs per page and form factor; the report gives the median. */
  lighthouseRuns: number;
  /** Synthetic articles of the scale run. */
  scaleArticles: number;
  /** Only pages whose path (e.g. `articles/replication/`) matches this regular expression. */
  pages: RegExp | undefined;
  /** Use the existing dist/ instead of building first. */
  build: boolean;
  /** Folder for latest.md and latest.json. */
  out: string;
  /** Keep the temporary copy of the builds part (its path is printed). */
  keep: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

Builds the site, measures it, and writes bench-results/latest.md and latest.json.

  --quick             1 Lighthouse run, anchors below the last figure only, 60 synthetic articles
  --skip a,b          skip parts: ${PARTS.join(', ')}
  --runs N            Lighthouse runs per page and form factor (default 3; median reported)
  --scale N           synthetic articles in the scale run (default 300)
  --pages REGEX       only pages whose path matches, e.g. --pages '^articles/'
  --no-build          measure the existing dist/ (default: build it first)
  --out DIR           where to write the results (default bench-results; bench-results/tmp
                      for a quick or partial run, so that only full runs replace the committed one)
  --keep              keep the temporary project copy of the build timings
  --help              this text
`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      skip: { type: 'string', default: '' },
      runs: { type: 'string' },
      scale: { type: 'string' },
      pages: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const skip = values.skip
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const part of skip) {
    if (!(PARTS as readonly string[]).includes(part)) {
      throw new Error(`Unknown part to skip: "${part}". Parts: ${PARTS.join(', ')}.`);
    }
  }
  const count = (value: string | undefined, fallback: number, name: string): number => {
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0) throw new Error(`--${name} takes a whole number, not "${value}".`);
    return number;
  };
  const lighthouseRuns = count(values.runs, values.quick ? 1 : 3, 'runs');
  if (lighthouseRuns === 0) throw new Error('--runs must be at least 1 (use --skip lighthouse to skip it).');
  const scaleArticles = count(values.scale, values.quick ? 60 : 300, 'scale');
  const partial =
    values.quick || skip.length > 0 || values.pages !== undefined || lighthouseRuns < 3 || scaleArticles < 300;
  return {
    quick: values.quick,
    skip: skip as Part[],
    lighthouseRuns,
    scaleArticles,
    pages: values.pages === undefined ? undefined : new RegExp(values.pages),
    build: !values['no-build'],
    out: values.out ?? (partial ? 'bench-results/tmp' : 'bench-results'),
    keep: values.keep,
    help: values.help,
  };
}
