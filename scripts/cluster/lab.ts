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
import {
  crashedLine,
  ETCD_HEALTHY,
  ETCD_STARTING,
  expiredLine,
  HAPROXY_STARTING,
  healthyLine,
  holdsLine,
  killLine,
  opening,
  patroniStarting,
  routedLine,
  routingLines,
  staysDownLine,
  switchoverAskLine,
  switchoverDoneLine,
  VALIDATED,
  VALIDATING,
} from './lab-narration.ts';
import { clusterMembers } from './patroni-client.ts';
import {
  curlPatroni,
  etcdctlGetFields,
  etcdctlLeaseTimeToLive,
  killCommand,
  leaderKey,
  leaseIdFromFields,
  patronictlSwitchover,
  type ReaderCommand,
} from './reader-commands.ts';
import { whoAnswers } from './postgres-client.ts';
import { preflight } from './preflight.ts';
import { isAlive, ProcessBook, sleep, waitFor, waitForWritesTo } from './harness.ts';
import { REDIS_LAB_USAGE, runRedisLab } from './redis-lab.ts';
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
  return routingLines(
    { ...lab.writeAddress, node: write ? nameOfHost(lab, write.host) : null },
    { ...lab.readAddress, node: read ? nameOfHost(lab, read.host) : null },
  );
}

async function showList(lab: LabLayout): Promise<void> {
  say(`\n${await patronictlList(lab, STATE_DIR)}`);
}

/** Runs one of the reader's commands and prints it as they would see it: `$ command`, then its output. */
async function show(cmd: ReaderCommand): Promise<string> {
  const result = await runCommand(cmd.file, cmd.args, { timeoutMs: 15_000 });
  const output = result.timedOut ? `(no answer within 15 s)` : (result.stdout || result.stderr).trimEnd();
  say(`\n$ ${cmd.shown}\n${output}`);
  return output;
}

/** The leader key, its lease and the leader's own REST answer: what the lab's keys look like in etcd. */
async function showLeaderKey(lab: LabLayout): Promise<void> {
  const endpoints = lab.etcd.map((m) => m.clientUrl);
  const fields = await show(etcdctlGetFields(endpoints, leaderKey(lab.namespace, lab.scope)));
  const lease = leaseIdFromFields(fields);
  if (lease) await show(etcdctlLeaseTimeToLive(endpoints, lease));
  const holder = /^"Value" : "(.*)"$/m.exec(fields)?.[1];
  const node = lab.nodes.find((n) => n.name === holder);
  if (node) await show(curlPatroni(node.apiUrl));
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
  say(opening(resuming, STATE_DIR));
  say(ETCD_STARTING);
  await startEtcd(lab, options);
  say(ETCD_HEALTHY);
  if (!resuming) {
    say(VALIDATING);
    await validateWithPatroni(lab);
    await validateWithHaproxy(lab);
    say(VALIDATED);
  }
  const stopped = lab.nodes.filter((n) => {
    const entry = processes.find('patroni', n.name);
    return !entry || !isAlive(entry);
  });
  say(
    patroniStarting(
      stopped.map((n) => n.name),
      resuming,
    ),
  );
  for (const node of stopped) startPatroni(lab, node, options);
  const healthy = await waitForHealthy(lab, lab.nodes, 180_000);
  say(healthyLine(healthy.leader));
  say(HAPROXY_STARTING);
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
  await showLeaderKey(lab);
}

async function fail(): Promise<void> {
  const { lab, book } = requireLab();
  const leaderName = (await clusterMembers(lab)).find((m) => m.role === 'leader')?.name;
  const leader = lab.nodes.find((n) => n.name === leaderName);
  if (!leader) throw new Error('there is no leader to fail right now; check with: npm run lab -- status');
  const t0 = Date.now();
  const elapsed = () => (Date.now() - t0) / 1000;
  const killed = crashNode(leader, book);
  say(killLine(killCommand(killed), leader.name));
  say(crashedLine(elapsed(), leader.name, lab.timing.ttl));
  let holder: string | null = leader.name;
  const newLeader = await waitFor(
    'a new leader',
    120_000,
    async () => {
      const now = await leaderKeyHolder(lab);
      if (now !== holder) {
        say(now === null ? expiredLine(elapsed()) : holdsLine(elapsed(), now));
        holder = now;
      }
      return now !== null && now !== leader.name ? now : undefined;
    },
    { intervalMs: 200 },
  );
  const target = lab.nodes.find((n) => n.name === newLeader);
  if (!target) throw new Error(`${newLeader} holds the leader key but is not a node of this lab`);
  await waitForWritesTo(lab, target, { intervalMs: 200 });
  say(routedLine(elapsed(), newLeader));
  await sleep(1000);
  await showList(lab);
  await showLeaderKey(lab);
  say(`\n${staysDownLine(leader.name)}`);
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
  say(switchoverAskLine(leader, candidate));
  const cmd = patronictlSwitchover(target.configFile, lab.stateDir, { leader, candidate }, STATE_DIR);
  say(`$ ${cmd.shown}`);
  const t0 = Date.now();
  const result = await runCommand(cmd.file, cmd.args, { timeoutMs: 90_000 });
  say((result.stdout || result.stderr).trimEnd());
  if (!result.ok) throw new Error('patronictl switchover failed');
  await waitForWritesTo(lab, target, { intervalMs: 200 });
  say(switchoverDoneLine((Date.now() - t0) / 1000, candidate, leader));
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
  // The Redis lab: npm run lab -- redis start|status|fail [cluster]|stop (scripts/cluster/redis-lab.ts).
  redis: () => runRedisLab(process.argv.slice(3)),
};
const name = process.argv[2] ?? '';
const command = commands[name];
// A lab started with --network: every command (but the first start) runs inside the client's namespace.
const inside =
  name === 'redis' || (name === 'start' && !existsSync(STATE_DIR))
    ? undefined
    : runInsideClient(STATE_DIR, process.argv.slice(2));
if (inside !== undefined) {
  process.exitCode = inside;
} else if (!command) {
  say(
    'Usage: npm run lab -- start [--network]|status|fail|switchover|stop|partition <host> [etcd|nodes|<host>…]|throttle <host> [rate]|pause <node>|heal|stop-etcd <member>\n' +
      `   or: ${REDIS_LAB_USAGE}`,
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
