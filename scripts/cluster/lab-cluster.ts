/**
 * The lab's moving parts, started and stopped in order: etcd, Patroni (with
 * its PostgreSQL), HAProxy. Used by both the integration test
 * (test-cluster.ts) and the reader's lab (lab.ts).
 */
import { join } from 'node:path';
import { etcdHealthy } from './etcd-client.ts';
import { serversUp } from './haproxy-client.ts';
import type { DbNode, LabLayout } from './lab-layout.ts';
import { clusterMembers, describeMembers, type MemberState } from './patroni-client.ts';
import { LAB_STATE_DIR, patronictlList as readerList } from './reader-commands.ts';
import { sql } from './postgres-client.ts';
import { ProcessBook } from './process-book.ts';
import { isAlive, postmasterOf, signal, startProcess, stopProcess } from './processes.ts';
import { runCommand } from './run-command.ts';
import { waitFor } from './wait-for.ts';

/** Patroni refuses to run PostgreSQL as root; the postgres user owns the data. */
const DB_USER = 'postgres';
const DB_ENV: NodeJS.ProcessEnv = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: '/var/lib/postgresql',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
};

export interface RunOptions {
  /** Detach the daemons so they outlive this command (the reader's lab). */
  readonly detached: boolean;
  readonly book: ProcessBook;
  /** The network namespace a daemon runs in (etcd members and nodes by name); none: this one. */
  readonly netnsOf?: (name: string) => string | undefined;
}

export async function startEtcd(lab: LabLayout, options: RunOptions, timeoutMs = 30_000): Promise<void> {
  for (const member of lab.etcd) {
    const running = options.book.find('etcd', member.name);
    if (running && isAlive(running)) continue;
    const started = startProcess({
      name: member.name,
      command: 'etcd',
      args: ['--config-file', member.configFile],
      log: join(lab.logDir, `${member.name}.log`),
      detached: options.detached,
      netns: options.netnsOf?.(member.name),
    });
    options.book.add('etcd', started);
  }
  for (const member of lab.etcd) {
    await waitFor(`etcd member ${member.name} to report healthy at ${member.clientUrl}/health`, timeoutMs, async () =>
      (await etcdHealthy(member)) ? true : undefined,
    );
  }
}

/** Patroni's own validator on each (relocated) node file; needs etcd up and the ports free. */
export async function validateWithPatroni(lab: LabLayout): Promise<void> {
  for (const node of lab.nodes) {
    const result = await runCommand('patroni', ['--validate-config', node.configFile], { timeoutMs: 60_000 });
    if (!result.ok) {
      throw new Error(`patroni --validate-config rejected ${node.name}'s file:\n${result.stdout}${result.stderr}`);
    }
  }
}

/** HAProxy's own syntax check of the unchanged sample file. */
export async function validateWithHaproxy(lab: LabLayout): Promise<void> {
  const result = await runCommand('haproxy', ['-c', '-f', lab.haproxyConfig], { timeoutMs: 15_000 });
  if (!result.ok) throw new Error(`haproxy -c rejected ${lab.haproxyConfig}:\n${result.stdout}${result.stderr}`);
}

export function startPatroni(lab: LabLayout, node: DbNode, options: RunOptions): void {
  const running = options.book.find('patroni', node.name);
  if (running && isAlive(running)) return;
  const started = startProcess({
    name: node.name,
    command: 'patroni',
    args: [node.configFile],
    log: join(lab.logDir, `${node.name}.log`),
    user: DB_USER,
    env: DB_ENV,
    detached: options.detached,
    netns: options.netnsOf?.(node.name),
  });
  options.book.add('patroni', started);
}

export function startHaproxy(lab: LabLayout, options: RunOptions): void {
  const running = options.book.find('haproxy', 'haproxy');
  if (running && isAlive(running)) return;
  // -db: stay in the foreground, so the PID we record is HAProxy's own.
  const started = startProcess({
    name: 'haproxy',
    command: 'haproxy',
    args: ['-db', '-f', lab.haproxyConfig],
    log: join(lab.logDir, 'haproxy.log'),
    detached: options.detached,
  });
  options.book.add('haproxy', started);
}

/** Whether the replica at `node` receives WAL from a primary right now. */
export async function isStreaming(lab: LabLayout, node: DbNode): Promise<boolean> {
  // pg_stat_wal_receiver on the replica itself: on the primary,
  // pg_stat_replication would also list a base backup in progress.
  const result = await sql(
    lab,
    { host: node.pgHost, port: node.pgPort },
    'SELECT status FROM pg_stat_wal_receiver',
    3000,
  );
  return result.ok && result.stdout.trim() === 'streaming';
}

export interface Healthy {
  readonly leader: string;
  readonly members: readonly MemberState[];
}

/**
 * Waits until the cluster is whole: one leader, every other node a replica
 * whose WAL receiver is streaming, and (synchronous mode) a sync standby
 * recorded in etcd. `expectMembers` lists the nodes that must take part.
 */
export async function waitForHealthy(
  lab: LabLayout,
  expectMembers: readonly DbNode[],
  timeoutMs: number,
  /** Whether a sync standby must be recorded: false once synchronous_mode is switched off at runtime. */
  requireSync = true,
): Promise<Healthy> {
  let seen = '';
  return waitFor(
    `one leader and ${expectMembers.length - 1} streaming replicas`,
    timeoutMs,
    async () => {
      const members = await clusterMembers(lab);
      seen = describeMembers(members);
      const leaders = members.filter((m) => m.role === 'leader' && m.state === 'running');
      const leader = leaders[0];
      if (leaders.length !== 1 || !leader) return undefined;
      if (requireSync && !members.some((m) => m.role === 'sync_standby')) return undefined;
      for (const node of expectMembers) {
        if (node.name === leader.name) continue;
        const member = members.find((m) => m.name === node.name);
        if (!member || !['replica', 'sync_standby'].includes(member.role)) return undefined;
        if (!(await isStreaming(lab, node))) return undefined;
      }
      return { leader: leader.name, members };
    },
    { intervalMs: 1000, describe: () => seen },
  );
}

/**
 * Simulates a crashed database server: SIGKILL to the node's Patroni and to
 * its PostgreSQL postmaster (which would otherwise keep running as an orphan
 * primary). Nothing gets a chance to release the leader lock. Returns the
 * PIDs it killed, for the `kill -KILL` line the reader would type.
 */
export function crashNode(node: DbNode, book: ProcessBook): number[] {
  const patroni = book.find('patroni', node.name);
  const postmaster = postmasterOf(node.dataDir);
  if (patroni) signal(patroni, 'SIGKILL');
  if (postmaster) signal({ pid: postmaster.pid, marker: node.dataDir }, 'SIGKILL');
  return [patroni?.pid, postmaster?.pid].filter((pid): pid is number => pid !== undefined);
}

/**
 * Waits until HAProxy has health-checked every node and agrees with Patroni:
 * the write proxy sends to the leader only, the read proxy to the replicas.
 */
export async function waitForHaproxy(lab: LabLayout, leader: string, timeoutMs = 30_000): Promise<void> {
  const replicas = lab.nodes
    .map((n) => n.name)
    .filter((n) => n !== leader)
    .sort();
  let seen = '';
  await waitFor(
    `HAProxy to route writes to ${leader} and reads to ${replicas.join(' and ')}`,
    timeoutMs,
    async () => {
      const write = await serversUp(lab, lab.writeProxy);
      const read = await serversUp(lab, lab.readProxy);
      seen = `${lab.writeProxy}: ${write.join(',') || 'none'} UP; ${lab.readProxy}: ${read.join(',') || 'none'} UP`;
      return JSON.stringify(write) === JSON.stringify([leader]) && JSON.stringify(read) === JSON.stringify(replicas)
        ? true
        : undefined;
    },
    { intervalMs: 250, describe: () => seen },
  );
}

/**
 * `patronictl -c <node1's file> list`, bounded (it would wait forever for an
 * unreachable etcd), with the command line as the reader types it first.
 * `shownDir` is the state directory to show in that line.
 */
export async function patronictlList(lab: LabLayout, shownDir = LAB_STATE_DIR): Promise<string> {
  const node = lab.nodes[0];
  if (!node) return '';
  const cmd = readerList(node.configFile, lab.stateDir, shownDir);
  const result = await runCommand(cmd.file, cmd.args, { timeoutMs: 15_000 });
  const output = result.timedOut
    ? 'patronictl list did not answer within 15 s (is etcd running?)'
    : (result.stdout || result.stderr).trimEnd();
  return `$ ${cmd.shown}\n${output}`;
}

/**
 * Stops everything this lab started, newest layer first: HAProxy, then the
 * Patroni nodes (a SIGTERM makes Patroni shut PostgreSQL down cleanly), any
 * PostgreSQL left behind by a killed Patroni, and etcd last, because Patroni
 * needs it while shutting down.
 */
export async function stopAll(lab: LabLayout, book: ProcessBook): Promise<string[]> {
  const report: string[] = [];
  const stop = async (role: 'etcd' | 'patroni' | 'haproxy', graceMs: number) => {
    await Promise.all(
      book.entries
        .filter((e) => e.role === role)
        .map(async (e) => report.push(`${e.name} (pid ${e.pid}): ${await stopProcess(e, graceMs)}`)),
    );
  };
  await stop('haproxy', 5000);
  await stop('patroni', 40_000);
  for (const node of lab.nodes) {
    const postmaster = postmasterOf(node.dataDir);
    if (postmaster) {
      const outcome = await stopProcess({ pid: postmaster.pid, marker: node.dataDir }, 10_000);
      if (outcome !== 'gone') report.push(`postgres of ${node.name} (pid ${postmaster.pid}): ${outcome}`);
    }
  }
  await stop('etcd', 10_000);
  book.entries = [];
  book.save();
  return report;
}
