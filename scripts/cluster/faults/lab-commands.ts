/**
 * The reader's fault commands for `npm run lab`: partition, throttle, pause, heal, stop-etcd, and
 * starting the lab in its own network (`start --network`), so that a reader can do by hand what
 * `npm run test:faults` does. The commands use the test's own code: the same network
 * (lab-network.ts), the same pause (pause.ts), and the same story of what happened (narrate.ts).
 *
 * In network mode each lab host runs in its own namespace (cde-lab-<host>), and every `npm run lab`
 * command runs itself again inside the client host's namespace, where HAProxy is and from where the
 * lab's addresses are reachable. The reader's own tools go there the same way:
 *   ip netns exec cde-lab-client psql "host=127.0.0.30 port=5000 user=postgres dbname=postgres"
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlive, postmasterOf, stopProcess } from '../processes.ts';
import type { LabLayout } from '../lab-layout.ts';
import type { ProcessBook } from '../process-book.ts';
import { sql } from '../postgres-client.ts';
import { sleep } from '../wait-for.ts';
import { scenarioFacts } from './facts.ts';
import {
  CLIENT_HOST,
  createNetwork,
  destroyNetwork,
  everyoneBut,
  heal,
  hostNamed,
  partition,
  planNetwork,
  throttle,
  type NetworkPlan,
} from './lab-network.ts';
import { narrate } from './narrate.ts';
import { parseNodeLog } from './node-log.ts';
import { pauseTree, resume, type ProcStat } from './pause.ts';
import { CREATE_HISTORY_TABLE, HistoryWriter, RolePoller } from './recorders.ts';

/** Namespace names: cde-lab-hub, cde-lab-etcd1, …, cde-lab-client. */
export const LAB_NETWORK_ID = 'cde-lab';
const NETWORK_FILE = 'network.json';
const PAUSED_FILE = 'paused.json';
/** Set in the copy of a command that runs inside the client namespace. */
const INSIDE = 'CDE_LAB_INSIDE';
const WATCH_MS = 75_000;

const say = (text: string) => process.stdout.write(`${text}\n`);

/** Whether this process is the copy running inside the client namespace. */
export function insideClient(): boolean {
  return process.env[INSIDE] === '1';
}

export function savedPlan(stateDir: string): NetworkPlan | undefined {
  const file = join(stateDir, NETWORK_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as NetworkPlan) : undefined;
}

/** The namespace a lab daemon runs in, in network mode. */
export function netnsOf(plan: NetworkPlan | undefined): ((name: string) => string | undefined) | undefined {
  return plan ? (name) => plan.hosts.find((h) => h.name === name)?.netns : undefined;
}

/** Creates the lab's network for `start --network`, unless it exists. */
export async function ensureNetwork(lab: LabLayout, stateDir: string): Promise<NetworkPlan> {
  const existing = savedPlan(stateDir);
  if (existing) return existing;
  const plan = planNetwork(lab, LAB_NETWORK_ID);
  say(`Creating the lab's network: one namespace per host (${plan.id}-*), cabled to one bridge.`);
  await createNetwork(plan);
  writeFileSync(join(stateDir, NETWORK_FILE), `${JSON.stringify(plan, null, 2)}\n`);
  return plan;
}

export async function removeNetwork(stateDir: string): Promise<void> {
  const plan = savedPlan(stateDir);
  if (!plan) return;
  const { removed } = await destroyNetwork(plan);
  say(`Removed the lab's network namespaces: ${removed.join(', ') || 'none were left'}.`);
}

/**
 * In network mode, runs this same command again inside the client namespace and returns its exit
 * code; returns undefined when there is nothing to do (no network, or already inside).
 */
export function runInsideClient(stateDir: string, argv: readonly string[]): number | undefined {
  const plan = savedPlan(stateDir);
  if (!plan || process.env[INSIDE]) return undefined;
  const client = hostNamed(plan, CLIENT_HOST);
  const script = fileURLToPath(new URL('../lab.ts', import.meta.url));
  const result = spawnSync('ip', ['netns', 'exec', client.netns, process.execPath, script, ...argv], {
    stdio: 'inherit',
    env: { ...process.env, [INSIDE]: '1' },
  });
  return result.status ?? 1;
}

function needNetwork(stateDir: string, what: string): NetworkPlan {
  const plan = savedPlan(stateDir);
  if (!plan)
    throw new Error(
      `${what} needs the lab's own network, one namespace per host (on one machine's loopback every address is the same host): npm run lab -- stop, then npm run lab -- start --network`,
    );
  return plan;
}

/** Watches the cluster for a while after a fault and tells what happened (narrate.ts). */
async function watch(lab: LabLayout, plan: NetworkPlan | undefined, action: string, apply: () => Promise<void>) {
  const poller = new RolePoller(lab, plan, 500);
  const scenario = `lab-${Date.now()}`;
  await sql(lab, lab.writeAddress, CREATE_HISTORY_TABLE, 10_000);
  const writer = new HistoryWriter(lab, scenario, { clients: 1, pauseMs: 200, timeoutMs: 5000, payloadBytes: 0 });
  poller.start();
  writer.start();
  await sleep(1500);
  const oldPrimary = poller.samples.filter((s) => s.role === 'primary').at(-1)?.node ?? '';
  const faultAt = Date.now();
  await apply();
  say(`Watching for up to ${WATCH_MS / 1000} s (the same story npm run test:faults records)…`);
  const deadline = faultAt + WATCH_MS;
  while (Date.now() < deadline) {
    const f = scenarioFacts({
      writes: writer.writes,
      samples: poller.samples,
      faultAt,
      endedAt: null,
      oldPrimary,
      logEvents: [],
      frozen: [],
    });
    if (f.firstWriteElsewhereAt !== null && Date.now() - faultAt > f.firstWriteElsewhereAt * 1000 + 3000) break;
    await sleep(500);
  }
  await writer.stop();
  await poller.stop();
  const logEvents = lab.nodes.flatMap((n) => {
    try {
      return parseNodeLog(n.name, readFileSync(join(lab.logDir, `${n.name}.log`), 'utf8'));
    } catch {
      return [];
    }
  });
  for (const line of narrate({
    faultAt,
    until: Date.now(),
    actions: [{ at: faultAt, text: action }],
    logEvents,
    samples: poller.samples,
    writes: writer.writes,
  }))
    say(line);
}

/** `partition <host> [etcd | nodes | client | host …]`: by default, from every other host. */
export async function partitionCommand(lab: LabLayout, stateDir: string, args: readonly string[]): Promise<void> {
  const plan = needNetwork(stateDir, 'partition');
  const [host, ...others] = args;
  if (!host) throw new Error('usage: npm run lab -- partition <host> [etcd | nodes | <host> …]');
  hostNamed(plan, host);
  const groups: Record<string, string[]> = {
    etcd: lab.etcd.map((m) => m.name),
    nodes: lab.nodes.map((n) => n.name).filter((n) => n !== host),
  };
  const to = others.length === 0 ? everyoneBut(plan, [host]) : others.flatMap((o) => groups[o] ?? [o]);
  const words = `cut ${host} off from ${to.join(', ')}`;
  say(`$ ip netns exec ${plan.hub} nft add rule bridge cde_faults forward ip saddr … ip daddr … drop`);
  await watch(lab, plan, words, () => partition(plan, { from: [host], to }));
  say(`\n${host} stays cut off. Undo it with: npm run lab -- heal`);
}

/** `throttle <host> [rate]`: a tc tbf rate limit on the host's cable, both ways (default 64kbit). */
export async function throttleCommand(stateDir: string, args: readonly string[]): Promise<void> {
  const plan = needNetwork(stateDir, 'throttle');
  const [host, rate = '64kbit'] = args;
  if (!host) throw new Error('usage: npm run lab -- throttle <host> [rate, e.g. 64kbit]');
  await throttle(plan, { host, rate, burst: '16kb', latency: '2s' });
  say(`${host}'s link is limited to ${rate} each way (tc tbf). Undo it with: npm run lab -- heal`);
}

/** `pause <node>`: SIGSTOP to the node's Patroni and PostgreSQL processes, like a paused VM. */
export async function pauseCommand(
  lab: LabLayout,
  book: ProcessBook,
  stateDir: string,
  args: readonly string[],
): Promise<void> {
  const name = args[0] ?? '';
  const node = lab.nodes.find((n) => n.name === name);
  const patroni = book.find('patroni', name);
  if (!node || !patroni)
    throw new Error(`usage: npm run lab -- pause <node>, one of ${lab.nodes.map((n) => n.name).join(', ')}`);
  const file = join(stateDir, PAUSED_FILE);
  const paused: ProcStat[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ProcStat[]) : [];
  await watch(
    lab,
    savedPlan(stateDir),
    `pause ${name}: SIGSTOP to its Patroni and every PostgreSQL process`,
    async () => {
      const postmaster = postmasterOf(node.dataDir);
      if (postmaster) paused.push(...pauseTree({ pid: postmaster.pid, marker: node.dataDir }));
      paused.push(...pauseTree(patroni));
      writeFileSync(file, `${JSON.stringify(paused)}\n`);
    },
  );
  say(`\n${name} stays paused. Resume it (SIGCONT) with: npm run lab -- heal`);
}

/** `heal`: removes every cut and rate limit, and resumes every paused process. */
export async function healCommand(stateDir: string): Promise<void> {
  const plan = savedPlan(stateDir);
  if (plan) {
    await heal(plan);
    say('The network is whole again: no cut, no rate limit.');
  }
  const file = join(stateDir, PAUSED_FILE);
  if (existsSync(file)) {
    const resumed = resume(JSON.parse(readFileSync(file, 'utf8')) as ProcStat[]);
    writeFileSync(file, '[]\n');
    if (resumed > 0) say(`Resumed ${resumed} paused processes (SIGCONT).`);
  }
  say('Patroni sorts the roles out by itself; watch it with: npm run lab -- status');
}

/** `stop-etcd <member>`: stops one etcd member (by its recorded PID); `start` brings it back. */
export async function stopEtcdCommand(lab: LabLayout, book: ProcessBook, args: readonly string[]): Promise<void> {
  const name = args[0] ?? '';
  const entry = book.find('etcd', name);
  if (!entry)
    throw new Error(`usage: npm run lab -- stop-etcd <member>, one of ${lab.etcd.map((m) => m.name).join(', ')}`);
  const outcome = await stopProcess(entry, 10_000);
  const up = lab.etcd.filter((m) => {
    const e = book.find('etcd', m.name);
    return e !== undefined && isAlive(e);
  }).length;
  say(
    `${name} (pid ${entry.pid}): ${outcome}. ${up} of ${lab.etcd.length} etcd members run; a majority is ${Math.floor(lab.etcd.length / 2) + 1}.`,
  );
  say('Start it again with: npm run lab -- start');
}
