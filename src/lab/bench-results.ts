/**
 * The results files the tests write (bench-results/*.json), as the build reads them: through Vite,
 * which bundles their text (the built site needs no file at run time) and reloads the dev server when
 * a run rewrites one. The pattern is relative to this file, not to the site's root: fixture sites
 * (tests/fixtures/sites/*) build the same pages, and the measurements belong to the project.
 */
const files = import.meta.glob<string>(
  '../../bench-results/{cluster,cluster-runs,lab-transcript,faults,fault-runs}.json',
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

/** The text of a results file (`bench-results/cluster.json`), or undefined when no run has written it. */
export function benchResultText(file: string): string | undefined {
  return files[`../../${file}`];
}

/** A results file parsed as JSON, or undefined when no run has written it; the caller checks its shape. */
export function benchResultJson(file: string): unknown {
  const text = benchResultText(file);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}
