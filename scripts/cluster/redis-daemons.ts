/**
 * The Redis lab's moving parts: starting the servers, Sentinels and cluster nodes from their
 * runnable copies, waiting until each group is whole, crashing or pausing one process, and stopping
 * everything this lab started, by PID (processes.ts), never by name. Used by both the measured run
 * (test-redis.ts) and the reader's lab (redis-lab.ts).
 */
import { join } from 'node:path';
import { listening } from './preflight.ts';
import type { ProcessBook, Role } from './process-book.ts';
import { isAlive, signal, startProcess, stopProcess } from './processes.ts';
import { ask, parseInfo, type Address } from './redis-connection.ts';
import type { RedisLayout, RedisNode } from './redis-layout.ts';
import { ReplyError, type Reply } from './redis-resp.ts';
import { runCommand } from './run-command.ts';
import { waitFor } from './wait-for.ts';

export interface RunOptions {
  /** Detach the daemons so they outlive this command (the reader's lab). */
  readonly detached: boolean;
  readonly book: ProcessBook;
}

const QUESTION_TIMEOUT_MS = 2000;

export const addressOf = (n: RedisNode): Address => ({ host: n.host, port: n.port });
export const hostPort = (a: Address): string => `${a.host}:${a.port}`;

/** Starts one server (redis-server) or Sentinel (redis-sentinel) unless the book shows it running. */
export function startDaemon(lab: RedisLayout, node: RedisNode, role: Role, options: RunOptions): void {
  const running = options.book.find(role, node.name);
  if (running && isAlive(running)) return;
  const started = startProcess({
    name: node.name,
    command: role === 'redis-sentinel' ? 'redis-sentinel' : 'redis-server',
    // The file's proc-title-template puts its path in the process title, so the recorded
    // marker (the last argument, this path) stays in /proc/PID/cmdline after Redis renames itself.
    args: [node.configFile],
    log: join(lab.logDir, `${node.name}.log`),
    detached: options.detached,
  });
  options.book.add(role, started);
}

/** A question to one server or Sentinel, with the lab's password (Sentinels have none). */
export function question(
  lab: RedisLayout,
  to: RedisNode | Address,
  args: readonly (string | number)[],
  sentinel = false,
) {
  return ask('name' in to ? addressOf(to) : to, args, {
    password: sentinel ? undefined : lab.password,
    timeoutMs: QUESTION_TIMEOUT_MS,
  });
}

export async function info(lab: RedisLayout, node: RedisNode, section: string): Promise<Record<string, string>> {
  const reply = await question(lab, node, ['INFO', section]);
  if (typeof reply !== 'string') throw new Error(`INFO ${section} from ${node.name}: ${describeReply(reply)}`);
  return parseInfo(reply);
}

export function describeReply(reply: Reply): string {
  if (reply instanceof ReplyError) return `error ${reply.message}`;
  return JSON.stringify(reply);
}

export interface ReplicationState {
  readonly primary: RedisNode;
  readonly replicas: readonly RedisNode[];
}

/**
 * Waits until the running servers among `expected` form one group: one primary, every other one
 * its replica with the link up and no sync in progress (a replica that never completed its first
 * copy cannot be promoted, and in a cluster cannot fail over).
 */
export async function waitForReplication(
  lab: RedisLayout,
  expected: readonly RedisNode[],
  timeoutMs: number,
): Promise<ReplicationState> {
  let seen = '';
  return waitFor(
    `one primary and ${expected.length - 1} replicas in sync among ${expected.map((n) => n.name).join(', ')}`,
    timeoutMs,
    async () => {
      const states = await Promise.all(
        expected.map(async (n) => ({ node: n, info: await info(lab, n, 'replication') })),
      );
      seen = states.map((s) => `${s.node.name}: ${s.info.role ?? '?'} ${s.info.master_link_status ?? ''}`).join(', ');
      const primaries = states.filter((s) => s.info.role === 'master');
      const primary = primaries[0];
      if (primaries.length !== 1 || !primary) return undefined;
      const replicas = states.filter((s) => s !== primary);
      const synced = replicas.every(
        (s) =>
          s.info.master_host === primary.node.host &&
          s.info.master_link_status === 'up' &&
          s.info.master_sync_in_progress === '0',
      );
      if (!synced || Number(primary.info.connected_slaves) !== replicas.length) return undefined;
      return { primary: primary.node, replicas: replicas.map((s) => s.node) };
    },
    { intervalMs: 250, describe: () => seen },
  );
}

/** `SENTINEL MASTER <name>` as key/value pairs. */
export async function sentinelMaster(lab: RedisLayout, sentinel: RedisNode): Promise<Record<string, string>> {
  const reply = await question(lab, sentinel, ['SENTINEL', 'MASTER', lab.settings.masterName], true);
  if (!Array.isArray(reply)) throw new Error(`SENTINEL MASTER from ${sentinel.name}: ${describeReply(reply)}`);
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < reply.length; i += 2) fields[String(reply[i])] = String(reply[i + 1]);
  return fields;
}

/** The primary's address as one Sentinel reports it, the way a client asks. */
export async function sentinelPrimary(lab: RedisLayout, sentinel: RedisNode): Promise<Address | undefined> {
  const reply = await question(lab, sentinel, ['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', lab.settings.masterName], true);
  return Array.isArray(reply) && reply.length === 2 ? { host: String(reply[0]), port: Number(reply[1]) } : undefined;
}

/**
 * Waits until every Sentinel watches `primary`, knows its replicas and the other Sentinels, and
 * SENTINEL CKQUORUM says a failover can be authorised.
 */
export async function waitForSentinels(
  lab: RedisLayout,
  primary: RedisNode,
  replicas: number,
  timeoutMs: number,
): Promise<string> {
  let seen = '';
  return waitFor(
    `the three Sentinels to watch ${primary.name} with ${replicas} replicas and know each other`,
    timeoutMs,
    async () => {
      const states = await Promise.all(lab.sentinels.map((s) => sentinelMaster(lab, s)));
      seen = states
        .map(
          (m, i) =>
            `${lab.sentinels[i]?.name}: ${m.ip}:${m.port} ${m.flags} slaves=${m['num-slaves']} others=${m['num-other-sentinels']}`,
        )
        .join('; ');
      const ready = states.every(
        (m) =>
          m.ip === primary.host &&
          Number(m.port) === primary.port &&
          m.flags === 'master' &&
          Number(m['num-slaves']) === replicas &&
          Number(m['num-other-sentinels']) === lab.sentinels.length - 1,
      );
      if (!ready) return undefined;
      const sentinel = lab.sentinels[0];
      if (!sentinel) return undefined;
      const ckquorum = await question(lab, sentinel, ['SENTINEL', 'CKQUORUM', lab.settings.masterName], true);
      return typeof ckquorum === 'string' && ckquorum.startsWith('OK') ? ckquorum : undefined;
    },
    { intervalMs: 500, describe: () => seen },
  );
}

/** A crash: SIGKILL, so the process closes nothing cleanly and says goodbye to no one. */
export function crash(book: ProcessBook, role: Role, node: RedisNode): void {
  const entry = book.find(role, node.name);
  if (!entry || !signal(entry, 'SIGKILL')) throw new Error(`${node.name} is not running`);
}

/** A pause (SIGSTOP): the process keeps its sockets but answers nothing until SIGCONT. */
export function pause(book: ProcessBook, role: Role, node: RedisNode, resume = false): void {
  const entry = book.find(role, node.name);
  if (!entry || !signal(entry, resume ? 'SIGCONT' : 'SIGSTOP')) throw new Error(`${node.name} is not running`);
}

/** Waits until a started process answers PING (a crashed server restarting, say). */
export async function waitForPing(lab: RedisLayout, node: RedisNode, timeoutMs: number, sentinel = false) {
  await waitFor(`${node.name} to answer PING`, timeoutMs, async () =>
    (await question(lab, node, ['PING'], sentinel)) === 'PONG' ? true : undefined,
  );
}

/** Every address and port the Redis lab binds, for the "is it free?" check. */
export function redisLabAddresses(lab: RedisLayout): Address[] {
  return [
    ...lab.servers.map(addressOf),
    ...lab.sentinels.map(addressOf),
    // Cluster nodes: the client port and the cluster bus (client port + 10000).
    ...lab.clusterNodes.flatMap((n) => [addressOf(n), { host: n.host, port: n.port + 10_000 }]),
  ];
}

const PROGRAMS = ['redis-server', 'redis-sentinel', 'redis-cli'];

/** Reasons the lab cannot start here; empty when it can. */
export async function redisPreflight(lab: RedisLayout): Promise<string[]> {
  const reasons: string[] = [];
  if (process.platform !== 'linux') reasons.push('the lab runs on Linux only (it uses many loopback addresses)');
  for (const program of PROGRAMS) {
    const found = await runCommand('sh', ['-c', `command -v ${program}`], { timeoutMs: 5000 });
    if (!found.ok) reasons.push(`${program} is not installed: run scripts/cluster/install-redis-deps.sh`);
  }
  for (const a of redisLabAddresses(lab)) {
    if (await listening(a.host, a.port)) {
      reasons.push(
        `${hostPort(a)} is already in use (a Redis lab still running? stop it with: npm run lab -- redis stop)`,
      );
    }
  }
  return reasons;
}

/** The installed redis-server's version, recorded next to the measurements. */
export async function redisVersion(): Promise<string> {
  const result = await runCommand('redis-server', ['--version'], { timeoutMs: 10_000 });
  return /v=([\d.]+)/.exec(result.stdout)?.[1] ?? result.stdout.trim();
}

/**
 * Stops every process of the Redis lab in the book: paused ones are resumed first (a stopped
 * process does not act on SIGTERM), then SIGTERM, and SIGKILL after 10 seconds.
 */
export async function stopRedisLab(book: ProcessBook): Promise<string[]> {
  const roles: Role[] = ['redis-sentinel', 'redis-server', 'redis-cluster'];
  const entries = book.entries.filter((e) => roles.includes(e.role));
  for (const e of entries) signal(e, 'SIGCONT');
  const report = await Promise.all(
    entries.map(async (e) => `${e.name} (pid ${e.pid}): ${await stopProcess(e, 10_000)}`),
  );
  book.entries = book.entries.filter((e) => !roles.includes(e.role));
  book.save();
  return report;
}
