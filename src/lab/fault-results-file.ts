/**
 * The measured fault scenarios, read once at build time from bench-results/faults.json (written by
 * `npm run test:faults`) and checked against the schema in fault-results.ts. Vite resolves the
 * pattern from the project root and bundles the text, so the built site needs no file at run time.
 */
import { parseFaultResults, type FaultResults } from './fault-results.ts';

const FILE = 'bench-results/faults.json';
const files = import.meta.glob<string>('/bench-results/faults.json', { query: '?raw', import: 'default', eager: true });

let cached: FaultResults | undefined;

export function readFaultResults(): FaultResults {
  if (cached) return cached;
  const text = files[`/${FILE}`];
  if (text === undefined)
    throw new Error(`${FILE} is missing: run \`npm run test:faults\` (Linux, root), which writes it.`);
  cached = parseFaultResults(text, FILE);
  return cached;
}
