/**
 * `npm run lab -- start|status|fail|switchover|stop`: the lab article's
 * hands-on cluster, driven by the same code as the integration test. The
 * daemons keep running between commands; their PIDs, logs, data and the
 * runnable copies of the sample files live in one state directory
 * (/tmp/cde-lab, or $CDE_LAB_DIR). The fault commands (partition, throttle,
 * pause, heal, stop-etcd, and `start --network`) are in faults/lab-commands.ts.
 */
import { existsSync, rmSync } from 'node:fs';
import { leaderKeyHolder } from './etcd-client.ts';
import { labAddresses } from './lab-addresses.ts';
import {
  crashNode,
  patronictlList,
  startEtcd,
  startHaproxy,
  startPatroni,
  stopAll,
  validateWithHaproxy,
  validateWithPatroni,
  waitForHaproxy,
  waitForHealthy,
} from './lab-cluster.ts';
import { prepareLab, type LabLayout } from './lab-layout.ts';
import { clusterMembers } from './patroni-client.ts';
import { whoAnswers } from './postgres-client.ts';
import { preflight } from './preflight.ts';
import { isAlive, ProcessBook, sleep, waitFor, waitForWritesTo } from './harness.ts';
import { runCommand } from './run-command.ts';
import {
  ensureNetwork,
  healCommand,
  insideClient,
  netnsOf,
  partitionCommand,
  pauseCommand,
  removeNetwork,
  runInsideClient,
  savedPlan,
  stopEtcdCommand,
  throttleCommand,
} from './faults/lab-commands.ts';

const STATE_DIR = process.env.CDE_LAB_DIR ?? '/tmp/cde-lab';
const say = (text: string) => process.stdout.write(`${text}\n`);

function nameOfHost(lab: LabLayout, host: string): string {
  return lab.nodes.find((n) => n.pgHost === host)?.name ?? host;
}

/** Which node each HAProxy port reaches right now, in words. */
async function routing(lab: LabLayout): Promise<string> {
  const write = await whoAnswers(lab, lab.writeAddress);
  const read = await whoAnswers(lab, lab.readAddress);
  return [
    `HAProxy ${lab.writeAddress.host}:${lab.writeAddress.port} (writes) → ${write ? nameOfHost(lab, write.host) : 'no node'}`,
    `HAProxy ${lab.readAddress.host}:${lab.readAddress.port} (reads)  → ${read ? nameOfHost(lab, read.host) : 'no node'}`,
  ].join('\n');
}

async function showList(lab: LabLayout): Promise<void> {
  say('\n$ patronictl list');
  say(await patronictlList(lab));
}

function anythingRunning(book: ProcessBook): boolean {
  return book.entries.some((e) => isAlive(e));
}

async function start(): Promise<void> {
  const book = existsSync(STATE_DIR) ? new ProcessBook(STATE_DIR) : undefined;
  const resuming = book !== undefined && anythingRunning(book);
  // Inside the client namespace the outer command has just prepared the state and the network.
  if (!resuming && existsSync(STATE_DIR) && !insideClient()) {
    // Old etcd data with new PostgreSQL directories (or the reverse) leaves
    // every node waiting for a bootstrap that never comes: start clean.
    say(`Removing the stopped lab's old state in ${STATE_DIR}.`);
    rmSync(STATE_DIR, { recursive: true, force: true });
  }
  const lab = prepareLab(STATE_DIR);
  if (process.argv.includes('--network') && !insideClient()) {
    // Each host in its own namespace (see faults/lab-commands.ts); the rest runs inside the client's.
    await ensureNetwork(lab, STATE_DIR);
    process.exitCode = runInsideClient(STATE_DIR, ['start']) ?? 1;
    return;
  }
  const processes = new ProcessBook(STATE_DIR);
  const hostNetns = netnsOf(savedPlan(STATE_DIR));
  const options = { detached: true, book: processes, ...(hostNetns ? { netnsOf: hostNetns } : {}) };
  if (!resuming) {
    const problems = await preflight(labAddresses(lab));
    if (problems.length > 0) throw new Error(`the lab cannot start here:\n  - ${problems.join('\n  - ')}`);
  }
  say(resuming ? 'The lab is running; starting whatever has stopped.' : `Starting the lab in ${STATE_DIR}.`);
  say('etcd: three members on 127.0.0.11-13 form the configuration store…');
  await startEtcd(lab, options);
  say('   all three members are healthy.');
  if (!resuming) {
    say("Checking the node files with Patroni's own validator and haproxy -c…");
    await validateWithPatroni(lab);
    await validateWithHaproxy(lab);
    say('   accepted.');
  }
  const stopped = lab.nodes.filter((n) => {
    const entry = processes.find('patroni', n.name);
    return !entry || !isAlive(entry);
  });
  const names = stopped.map((n) => n.name).join(', ') || 'nothing (all nodes run)';
  say(
    resuming
      ? `Patroni: starting ${names}; it finds the leader in etcd and rejoins as a replica (rewinding its data first if its timeline diverged)…`
      : `Patroni: starting ${names}; the first to take the leader lock initialises PostgreSQL, the others copy it and follow…`,
  );
  for (const node of stopped) startPatroni(lab, node, options);
  const healthy = await waitForHealthy(lab, lab.nodes, 180_000);
  say(`   ${healthy.leader} is the leader; the other two are streaming replicas.`);
  say('HAProxy: port 5000 follows the leader, port 5001 the replicas…');
  startHaproxy(lab, options);
  await waitForHaproxy(lab, healthy.leader);
  say(await routing(lab));
  await showList(lab);
  say(`\nLogs: ${lab.logDir}. Next: npm run lab -- fail`);
}

function requireLab(): { lab: LabLayout; book: ProcessBook } {
  if (!existsSync(STATE_DIR)) throw new Error('the lab is not running. Start it with: npm run lab -- start');
  return { lab: prepareLab(STATE_DIR), book: new ProcessBook(STATE_DIR) };
}

async function status(): Promise<void> {
  const { lab, book } = requireLab();
  for (const entry of book.entries)
    say(`${entry.name.padEnd(8)} ${entry.role.padEnd(8)} pid ${entry.pid}: ${isAlive(entry) ? 'running' : 'stopped'}`);
  say(await routing(lab));
  await showList(lab);
}

async function fail(): Promise<void> {
  const { lab, book } = requireLab();
  const leaderName = (await clusterMembers(lab)).find((m) => m.role === 'leader')?.name;
  const leader = lab.nodes.find((n) => n.name === leaderName);
  if (!leader) throw new Error('there is no leader to fail right now; check with: npm run lab -- status');
  const t0 = Date.now();
  const at = () => `t=${((Date.now() - t0) / 1000).toFixed(1)} s`;
  crashNode(leader, book);
  say(
    `${at()}: ${leader.name} crashed (Patroni and PostgreSQL killed with SIGKILL). Its leader key stays in etcd until its lease runs out (ttl = ${lab.timing.ttl} s after the last renewal).`,
  );
  let holder: string | null = leader.name;
  const newLeader = await waitFor(
    'a new leader',
    120_000,
    async () => {
      const now = await leaderKeyHolder(lab);
      if (now !== holder) {
        say(
          now === null
            ? `${at()}: the leader key expired; the replicas race for it.`
            : `${at()}: ${now} holds the leader key and promotes itself.`,
        );
        holder = now;
      }
      return now !== null && now !== leader.name ? now : undefined;
    },
    { intervalMs: 200 },
  );
  const target = lab.nodes.find((n) => n.name === newLeader);
  if (!target) throw new Error(`${newLeader} holds the leader key but is not a node of this lab`);
  await waitForWritesTo(lab, target, { intervalMs: 200 });
  say(`${at()}: HAProxy sends writes to ${newLeader}.`);
  await sleep(1000);
  await showList(lab);
  say(`\n${leader.name} stays down. Bring it back as a replica with: npm run lab -- start`);
}

async function switchover(): Promise<void> {
  const { lab } = requireLab();
  const members = await clusterMembers(lab);
  const leader = members.find((m) => m.role === 'leader')?.name;
  const candidate = members.find((m) => m.role === 'sync_standby')?.name;
  if (!leader || !candidate)
    throw new Error('a switchover needs a leader and a synchronous replica; check with: npm run lab -- status');
  const target = lab.nodes.find((n) => n.name === candidate);
  if (!target) throw new Error(`${candidate} is not a node of this lab`);
  say(
    `Asking Patroni to hand the leader role from ${leader} to ${candidate} (the synchronous replica, so no committed transaction can be lost).`,
  );
  say(`$ patronictl switchover --leader ${leader} --candidate ${candidate} --force`);
  const t0 = Date.now();
  const result = await runCommand(
    'patronictl',
    ['-c', target.configFile, 'switchover', '--leader', leader, '--candidate', candidate, '--force'],
    { timeoutMs: 90_000 },
  );
  say((result.stdout || result.stderr).trimEnd());
  if (!result.ok) throw new Error('patronictl switchover failed');
  await waitForWritesTo(lab, target, { intervalMs: 200 });
  say(
    `After ${((Date.now() - t0) / 1000).toFixed(1)} s HAProxy sends writes to ${candidate}; ${leader} restarts as a replica.`,
  );
  await waitForHealthy(lab, lab.nodes, 120_000);
  await showList(lab);
}

async function stop(): Promise<void> {
  if (!existsSync(STATE_DIR)) {
    say('The lab is not running.');
    return;
  }
  const { lab, book } = requireLab();
  await healCommand(STATE_DIR);
  const report = await stopAll(lab, book);
  say(report.length > 0 ? `Stopped: ${report.join('; ')}` : 'Nothing was running.');
  await removeNetwork(STATE_DIR);
  rmSync(STATE_DIR, { recursive: true, force: true });
  say(`Removed ${STATE_DIR}.`);
}

const args = process.argv.slice(3).filter((a) => !a.startsWith('--'));
const commands: Record<string, () => Promise<void>> = {
  start,
  status,
  fail,
  switchover,
  stop,
  // Faults beyond a crash, as npm run test:faults injects them (faults/lab-commands.ts).
  partition: async () => partitionCommand(requireLab().lab, STATE_DIR, args),
  throttle: async () => throttleCommand(STATE_DIR, args),
  pause: async () => {
    const { lab, book } = requireLab();
    await pauseCommand(lab, book, STATE_DIR, args);
  },
  heal: async () => healCommand(STATE_DIR),
  'stop-etcd': async () => {
    const { lab, book } = requireLab();
    await stopEtcdCommand(lab, book, args);
  },
};
const name = process.argv[2] ?? '';
const command = commands[name];
// A lab started with --network: every command (but the first start) runs inside the client's namespace.
const inside =
  name === 'start' && !existsSync(STATE_DIR) ? undefined : runInsideClient(STATE_DIR, process.argv.slice(2));
if (inside !== undefined) {
  process.exitCode = inside;
} else if (!command) {
  say(
    'Usage: npm run lab -- start [--network]|status|fail|switchover|stop|partition <host> [etcd|nodes|<host>…]|throttle <host> [rate]|pause <node>|heal|stop-etcd <member>',
  );
  process.exitCode = 2;
} else {
  try {
    await command();
  } catch (error) {
    say(`\nlab ${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
