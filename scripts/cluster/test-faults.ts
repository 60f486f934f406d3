/**
 * `npm run test:faults [-- scenario-id …]`: failures beyond a crash, on the real cluster. Creates a
 * private network (one namespace per lab host, scripts/cluster/faults/lab-network.ts), runs the
 * scenarios inside the client host's namespace (scripts/cluster/faults/run-inside.ts, which writes
 * bench-results/faults.json), and removes the network afterwards, also when the run fails or is
 * interrupted: it then resumes any process a pause left stopped, stops the daemons the run recorded
 * (by PID), and deletes the namespaces. Linux, root and Debian's packages, like test:cluster.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopAll } from './lab-cluster.ts';
import { prepareLab } from './lab-layout.ts';
import { preflight } from './preflight.ts';
import { ProcessBook } from './process-book.ts';
import { runCommand } from './run-command.ts';
import { createNetwork, destroyNetwork, planNetwork, type NetworkPlan } from './faults/lab-network.ts';
import { resume, type ProcStat } from './faults/pause.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const INNER = join(HERE, 'faults/run-inside.ts');
/** The simulator's agreement with what was measured (crash and faults), run after a full run. */
const AGREEMENT = join(HERE, '../check-sim-agreement.ts');
/** The whole run may take this long; then the inner half is asked to stop. */
const DEADLINE_MS = 40 * 60_000;
const say = (text: string) => process.stdout.write(`${text}\n`);

async function missingTools(): Promise<string[]> {
  const reasons = await preflight([]);
  for (const tool of ['ip', 'nft', 'tc', 'curl']) {
    const found = await runCommand('sh', ['-c', `command -v ${tool}`], { timeoutMs: 5000 });
    if (!found.ok) reasons.push(`${tool} is not installed: run scripts/cluster/install-deps.sh`);
  }
  return reasons;
}

/** The safety net: whatever the inner half left behind, by the records it kept. */
async function cleanUp(plan: NetworkPlan, stateDir: string): Promise<void> {
  try {
    const paused = JSON.parse(readFileSync(join(stateDir, 'paused.json'), 'utf8')) as ProcStat[];
    if (paused.length > 0) say(`Resumed ${resume(paused)} paused processes.`);
  } catch {
    // No pause in progress.
  }
  if (existsSync(join(stateDir, 'pids.json'))) {
    const book = new ProcessBook(stateDir);
    if (book.entries.length > 0) {
      const stopped = await stopAll(prepareLab(stateDir), book);
      say(`Stopped what the run left: ${stopped.join('; ')}`);
    }
  }
  const { removed, stillInside } = await destroyNetwork(plan);
  say(`Removed the network namespaces: ${removed.join(', ') || 'none were left'}`);
  if (stillInside.length > 0) say(`Warning: processes ${stillInside.join(', ')} were still inside them.`);
}

async function main(): Promise<number> {
  const problems = await missingTools();
  if (problems.length > 0) {
    say(`test:faults cannot run here:\n  - ${problems.join('\n  - ')}`);
    return 1;
  }
  const stateDir = mkdtempSync(join(tmpdir(), 'cde-faults-'));
  const lab = prepareLab(stateDir);
  const plan = planNetwork(lab, `cde-f${process.pid}`);
  let child: ReturnType<typeof spawn> | undefined;
  let interrupted = false;
  const onSignal = (sig: NodeJS.Signals) => {
    interrupted = true;
    say(`\n${sig} received: asking the run to stop, then removing the network…`);
    if (child?.pid) process.kill(child.pid, 'SIGTERM');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let code = 1;
  try {
    say(`Creating the lab network: ${plan.hosts.length} host namespaces (${plan.id}-*) on one bridge`);
    await createNetwork(plan);
    const client = plan.hosts.find((h) => h.name === 'client');
    if (!client) throw new Error('the plan has no client host');
    child = spawn('ip', ['netns', 'exec', client.netns, process.execPath, INNER, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, CDE_FAULTS_STATE: stateDir, CDE_FAULTS_PLAN: JSON.stringify(plan) },
    });
    const running = child;
    const deadline = setTimeout(() => {
      say(`\nThe run exceeded ${DEADLINE_MS / 60_000} minutes: stopping it.`);
      if (running.pid) process.kill(running.pid, 'SIGTERM');
    }, DEADLINE_MS);
    code = await new Promise<number>((resolve) => {
      running.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
      running.on('error', () => resolve(1));
    });
    clearTimeout(deadline);
  } catch (error) {
    say(`test:faults: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await cleanUp(plan, stateDir);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  // CDE_FAULTS_KEEP=1 keeps the daemons' logs of a passing run too, to read them afterwards.
  if (code === 0 && !interrupted && !process.env['CDE_FAULTS_KEEP']) rmSync(stateDir, { recursive: true, force: true });
  else say(`State and logs kept in ${stateDir}`);
  if (interrupted) return 130;
  // A full run (no scenario ids given) rewrote bench-results/faults.json: hold the simulator to it.
  if (code === 0 && process.argv.length <= 2) {
    say('');
    const agreement = spawnSync(process.execPath, [AGREEMENT], { stdio: 'inherit', cwd: join(HERE, '../..') });
    return agreement.status ?? 1;
  }
  return code;
}

process.exitCode = await main();
