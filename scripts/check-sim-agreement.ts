/**
 * `node scripts/check-sim-agreement.ts [results.json]`: checks that the failover the cluster test
 * measured (bench-results/cluster.json by default, written by `npm run test:cluster`) falls inside
 * the window the failover simulator predicts for the same parameters. HAProxy's checks and the
 * rest of the model's parameters come from the lab's files in content/lab/ (Patroni's, etcd's and
 * HAProxy's defaults where a file is missing). Then, when bench-results/faults.json exists (written by
 * `npm run test:faults`; FAULTS_RESULTS names another file), does the same for the faults the
 * simulator models: a cut-off primary, a paused one (the takeover), a lost etcd member, etcd without a majority
 * (scripts/lib/fault-agreement.ts). Exits 1 when the two disagree.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFaultResults } from '../src/lab/fault-results.ts';
import { labParams } from '../src/lab/simulator-params.ts';
import { checkFaultAgreement } from './lib/fault-agreement.ts';
import { checkAgreement, parseClusterResults } from './lib/sim-agreement.ts';

const resultsFile = process.argv[2] ?? 'bench-results/cluster.json';
const labDir = process.env['LAB_DIR'] ?? 'content/lab';
const faultsFile = process.env['FAULTS_RESULTS'] ?? 'bench-results/faults.json';

function labFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, entry);
    if (/\.(ya?ml|cfg)$/.test(entry)) files[`content/lab/${entry.split('\\').join('/')}`] = readFileSync(path, 'utf8');
  }
  return files;
}

try {
  if (!existsSync(resultsFile)) {
    throw new Error(`${resultsFile} does not exist: run \`npm run test:cluster\` first, which writes it.`);
  }
  const results = parseClusterResults(JSON.parse(readFileSync(resultsFile, 'utf8')), resultsFile);
  const { params, sources } = labParams(labFiles(labDir));
  const agreement = checkAgreement(results, params);
  console.log(agreement.report);
  if (sources.length === 0) console.log(`  (no lab files in ${labDir}: HAProxy's own defaults were assumed)`);
  let faultsOk = true;
  if (existsSync(faultsFile)) {
    const faults = checkFaultAgreement(parseFaultResults(readFileSync(faultsFile, 'utf8'), faultsFile), params);
    console.log(faults.report);
    faultsOk = faults.ok;
  } else {
    console.log(`Faults: ${faultsFile} does not exist (\`npm run test:faults\` writes it); not checked.`);
  }
  process.exitCode = agreement.ok && faultsOk ? 0 : 1;
} catch (error) {
  console.error(`check-sim-agreement: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
