/**
 * `npm run lab -- redis start|status|fail [cluster]|stop`: the Redis lab article's hands-on lab,
 * driven by the same code as the measured run (test-redis.ts). The Sentinel group (three servers,
 * three Sentinels) and the six-node Redis Cluster keep running between commands; their PIDs, logs,
 * data and the runnable copies of the files live in one state directory (/tmp/cde-lab-redis, or
 * $CDE_REDIS_LAB_DIR). Redis needs no root: every address is on loopback.
 */
import { existsSync, rmSync } from 'node:fs';
import { ProcessBook } from './process-book.ts';
import { isAlive } from './processes.ts';
import { clusterNodes, createCluster, isPrimary, waitForClusterOk } from './redis-cluster-ops.ts';
import {
  crash,
  hostPort,
  info,
  question,
  redisPreflight,
  sentinelPrimary,
  startDaemon,
  stopRedisLab,
  waitForPing,
  waitForReplication,
  waitForSentinels,
} from './redis-daemons.ts';
import { prepareRedisLab, type RedisLayout, type RedisNode } from './redis-layout.ts';
import { SentinelEvents } from './redis-sentinel-events.ts';
import { sleep, waitFor } from './wait-for.ts';

const STATE_DIR = process.env.CDE_REDIS_LAB_DIR ?? '/tmp/cde-lab-redis';
const say = (text: string) => process.stdout.write(`${text}\n`);

function running(book: ProcessBook): boolean {
  return book.entries.some((e) => isAlive(e));
}

/** Whether the six nodes already form a cluster (they keep it in their nodes.conf across restarts). */
async function clusterExists(lab: RedisLayout): Promise<boolean> {
  const first = lab.clusterNodes[0];
  if (!first) return false;
  const reply = await question(lab, first, ['CLUSTER', 'INFO']);
  return typeof reply === 'string' && /cluster_known_nodes:(\d+)/.exec(reply)?.[1] === String(lab.clusterNodes.length);
}

async function start(): Promise<void> {
  const previous = existsSync(STATE_DIR) ? new ProcessBook(STATE_DIR) : undefined;
  const resuming = previous !== undefined && running(previous);
  if (!resuming && existsSync(STATE_DIR)) {
    say(`Removing the stopped lab's old state in ${STATE_DIR}.`);
    rmSync(STATE_DIR, { recursive: true, force: true });
  }
  const lab = prepareRedisLab(STATE_DIR, resuming);
  const book = new ProcessBook(STATE_DIR);
  const options = { detached: true, book };
  if (!resuming) {
    const problems = await redisPreflight(lab);
    if (problems.length > 0) throw new Error(`the lab cannot start here:\n  - ${problems.join('\n  - ')}`);
  }
  say(
    resuming ? 'The Redis lab is running; starting whatever has stopped.' : `Starting the Redis lab in ${STATE_DIR}.`,
  );
  say('Sentinel group: three Redis servers on 127.0.0.41-43; redis2 and redis3 replicate from redis1…');
  for (const s of lab.servers) startDaemon(lab, s, 'redis-server', options);
  for (const s of lab.servers) await waitForPing(lab, s, 15_000);
  // A server that was the primary before it crashed comes back as a primary; Sentinel turns it into
  // a replica of the current one within about ten seconds (it checks each replica's role that often).
  const replication = await waitForReplication(lab, lab.servers, 90_000);
  say(
    `   ${replication.primary.name} is the primary; ${replication.replicas.map((r) => r.name).join(' and ')} are in sync.`,
  );
  say('Three Sentinels on 127.0.0.51-53 watch them and find each other…');
  for (const s of lab.sentinels) startDaemon(lab, s, 'redis-sentinel', options);
  const ckquorum = await waitForSentinels(lab, replication.primary, replication.replicas.length, 60_000);
  say(`   SENTINEL CKQUORUM ${lab.settings.masterName}: ${ckquorum}`);
  say('Redis Cluster: six nodes on 127.0.0.61-66…');
  for (const n of lab.clusterNodes) startDaemon(lab, n, 'redis-cluster', options);
  for (const n of lab.clusterNodes) await waitForPing(lab, n, 15_000);
  if (!(await clusterExists(lab))) {
    say('$ redis-cli --cluster create 127.0.0.61:6379 … 127.0.0.66:6379 --cluster-replicas 1 --cluster-yes');
    say((await createCluster(lab)).trimEnd());
  }
  const whole = await waitForClusterOk(lab, lab.clusterNodes, 90_000);
  say(`   three primaries, each with a replica: ${[...whole.pairs].map(([p, r]) => `${p} ← ${r}`).join(', ')}.`);
  say(`\nLogs: ${lab.logDir}. The password is in the files: export REDISCLI_AUTH=${lab.password}`);
  say('Next: npm run lab -- redis fail (the Sentinel group), or npm run lab -- redis fail cluster');
}

function requireLab(): { lab: RedisLayout; book: ProcessBook } {
  if (!existsSync(STATE_DIR))
    throw new Error('the Redis lab is not running. Start it with: npm run lab -- redis start');
  return { lab: prepareRedisLab(STATE_DIR, true), book: new ProcessBook(STATE_DIR) };
}

async function describeServer(lab: RedisLayout, node: RedisNode): Promise<string> {
  try {
    const fields = await info(lab, node, 'replication');
    return fields.role === 'master'
      ? `primary, ${fields.connected_slaves ?? '0'} replicas connected`
      : `replica of ${fields.master_host ?? '?'}:${fields.master_port ?? '?'}, link ${fields.master_link_status ?? '?'}`;
  } catch {
    return 'not answering';
  }
}

async function status(): Promise<void> {
  const { lab, book } = requireLab();
  for (const e of book.entries) {
    say(`${e.name.padEnd(10)} ${e.role.padEnd(15)} pid ${e.pid}: ${isAlive(e) ? 'running' : 'stopped'}`);
  }
  say('\nSentinel group:');
  for (const s of lab.servers) say(`  ${s.name} ${hostPort(s)}: ${await describeServer(lab, s)}`);
  for (const s of lab.sentinels) {
    try {
      const at = await sentinelPrimary(lab, s);
      say(`  ${s.name} ${hostPort(s)} says the primary is ${at ? hostPort(at) : 'unknown'}`);
    } catch {
      say(`  ${s.name} ${hostPort(s)}: not answering`);
    }
  }
  say('\nRedis Cluster (CLUSTER NODES from the first node that answers):');
  for (const n of lab.clusterNodes) {
    try {
      const topology = await clusterNodes(lab, n);
      for (const line of topology.sort((a, b) => a.address.localeCompare(b.address))) {
        say(`  ${line.address} ${line.flags.join(',')} ${line.slots.join(' ')}`);
      }
      return;
    } catch {
      // Try the next node.
    }
  }
  say('  no node answers');
}

async function failSentinel(lab: RedisLayout, book: ProcessBook): Promise<void> {
  const sentinel = lab.sentinels[0];
  const at = sentinel ? await sentinelPrimary(lab, sentinel) : undefined;
  const primary = lab.servers.find((s) => at && hostPort(s) === hostPort(at));
  if (!primary) throw new Error('no primary to fail right now; check with: npm run lab -- redis status');
  const events = await SentinelEvents.listen(lab);
  const t0 = Date.now();
  const clock = (t: number) => `t=${((t - t0) / 1000).toFixed(1)} s`;
  crash(book, 'redis-server', primary);
  say(`${clock(t0)}: ${primary.name} (${hostPort(primary)}) crashed (SIGKILL). Sentinel events as they come:`);
  let shown = 0;
  try {
    await waitFor(
      'the Sentinels to promote a replica',
      60_000,
      async () => {
        for (const e of events.events.slice(shown)) say(`${clock(e.at)}: ${e.sentinel} ${e.event} ${e.detail}`);
        shown = events.events.length;
        return events.first('+switch-master', t0) ? true : undefined;
      },
      { intervalMs: 100 },
    );
    await sleep(500);
    for (const e of events.events.slice(shown)) say(`${clock(e.at)}: ${e.sentinel} ${e.event} ${e.detail}`);
  } finally {
    events.close();
  }
  const now = sentinel ? await sentinelPrimary(lab, sentinel) : undefined;
  say(
    `\n$ redis-cli -h ${sentinel?.host ?? ''} -p ${sentinel?.port ?? ''} SENTINEL get-master-addr-by-name ${lab.settings.masterName}`,
  );
  say(now ? `${now.host}\n${now.port}` : '(nil)');
  say(`\n${primary.name} stays down. Bring it back with: npm run lab -- redis start (Sentinel makes it a replica).`);
}

async function failCluster(lab: RedisLayout, book: ProcessBook): Promise<void> {
  let topology = undefined;
  for (const n of lab.clusterNodes) {
    topology = await clusterNodes(lab, n).catch(() => undefined);
    if (topology) break;
  }
  const victimLine = topology?.find((n) => isPrimary(n) && n.slots.length > 0);
  const victim = lab.clusterNodes.find((n) => hostPort(n) === victimLine?.address);
  const observer = lab.clusterNodes.find(
    (n) => n !== victim && topology?.some((l) => l.address === hostPort(n) && isPrimary(l)),
  );
  const replicaLine = topology?.find((n) => n.primaryId === victimLine?.id);
  if (!victim || !observer || !victimLine || !replicaLine)
    throw new Error('no cluster primary with a replica to fail right now; check with: npm run lab -- redis status');
  const t0 = Date.now();
  const clock = () => `t=${((Date.now() - t0) / 1000).toFixed(1)} s`;
  crash(book, 'redis-cluster', victim);
  say(`${clock()}: ${victim.name} (${hostPort(victim)}, slots ${victimLine.slots.join(' ')}) crashed (SIGKILL).`);
  say(`As seen by ${observer.name} (CLUSTER NODES and CLUSTER INFO):`);
  let last = '';
  await waitFor(
    `${replicaLine.address} to take over`,
    60_000,
    async () => {
      const now = await clusterNodes(lab, observer);
      const v = now.find((l) => l.address === hostPort(victim));
      const r = now.find((l) => l.address === replicaLine.address);
      const infoReply = await question(lab, observer, ['CLUSTER', 'INFO']);
      const state = typeof infoReply === 'string' ? /cluster_state:(\w+)/.exec(infoReply)?.[1] : '?';
      const line = `${victim.name} ${v?.flags.join(',') ?? '?'}; ${replicaLine.address} ${r?.flags.join(',') ?? '?'} ${r?.slots.join(' ') ?? ''}; cluster_state:${state ?? '?'}`;
      if (line !== last) say(`${clock()}: ${line}`);
      last = line;
      return r && isPrimary(r) && r.slots.length > 0 && state === 'ok' ? true : undefined;
    },
    { intervalMs: 100 },
  );
  say(`\n${victim.name} stays down. Bring it back with: npm run lab -- redis start (it rejoins as a replica).`);
}

async function fail(args: readonly string[]): Promise<void> {
  const { lab, book } = requireLab();
  if (args[0] === 'cluster') await failCluster(lab, book);
  else if (args[0] === undefined || args[0] === 'sentinel') await failSentinel(lab, book);
  else
    throw new Error(`unknown target "${args[0]}": use npm run lab -- redis fail, or npm run lab -- redis fail cluster`);
}

async function stop(): Promise<void> {
  if (!existsSync(STATE_DIR)) {
    say('The Redis lab is not running.');
    return;
  }
  const book = new ProcessBook(STATE_DIR);
  const report = await stopRedisLab(book);
  say(report.length > 0 ? `Stopped: ${report.join('; ')}` : 'Nothing was running.');
  rmSync(STATE_DIR, { recursive: true, force: true });
  say(`Removed ${STATE_DIR}.`);
}

export const REDIS_LAB_USAGE = 'npm run lab -- redis start|status|fail [cluster]|stop';

/** Runs one `npm run lab -- redis ...` command; `args` are the words after "redis". */
export async function runRedisLab(args: readonly string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === 'start') await start();
  else if (command === 'status') await status();
  else if (command === 'fail') await fail(rest);
  else if (command === 'stop') await stop();
  else throw new Error(`usage: ${REDIS_LAB_USAGE}`);
}
