/**
 * The measured fault scenarios, read once at build time from bench-results/faults.json (written by
 * `npm run test:faults`, through bench-results.ts) and checked against the schema in fault-results.ts.
 */
import { benchResultText } from './bench-results.ts';
import { parseFaultResults, type FaultResults } from './fault-results.ts';

const FILE = 'bench-results/faults.json';

let cached: FaultResults | undefined;

export function readFaultResults(): FaultResults {
  if (cached) return cached;
  const text = benchResultText(FILE);
  if (text === undefined)
    throw new Error(`${FILE} is missing: run \`npm run test:faults\` (Linux, root), which writes it.`);
  cached = parseFaultResults(text, FILE);
  return cached;
}
