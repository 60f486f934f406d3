/**
 * `npm run test:redis`: boots the Redis lab's files for real, from Debian's redis-server and
 * redis-sentinel, fails them, measures, and tears down only what it started. Writes
 * bench-results/redis.json, from which the lab article renders every figure
 * (src/lab/redis/results-schema.ts is its schema). Steps:
 *
 * 1. The pitfall: the Sentinel group without its announce lines; what the primary and the Sentinels
 *    report, and whether a killed primary is failed over.
 * 2. The Sentinel group as the files say: a primary, two replicas, three Sentinels.
 * 3. Crash the primary (SIGKILL) while two clients write numbered keys, one plain, one with WAIT;
 *    time the Sentinels' events and the first write on the new primary; count acknowledged writes
 *    the new primary does not have. Restart the old primary; Sentinel makes it a replica.
 * 4. Pause the primary (SIGSTOP) for longer than a failover takes, then resume it, with the files'
 *    min-replicas-to-write; then once more with min-replicas-to-write switched off at run time
 *    (CONFIG SET), to show what it prevents.
 * 5. Redis Cluster: first without the announce lines (redis-cli --cluster create never finishes),
 *    then as the files say: six nodes, redis-cli --cluster create, MOVED and hash tags with redis-cli -c,
 *    a primary crashed while the two clients write, its replica's takeover timed against
 *    cluster-node-timeout, the keys counted, the old primary back as a replica.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './lab-layout.ts';
import { HarnessRun, printLogTails, ProcessBook, seconds, sleep, waitFor } from './harness.ts';
import type { Address } from './redis-connection.ts';
import {
  clusterNodes,
  createCluster,
  isPrimary,
  ownerOfSlot,
  plainText,
  redisCli,
  waitForClusterOk,
  type ClusterNodeLine,
} from './redis-cluster-ops.ts';
import {
  crash,
  hostPort,
  pause,
  question,
  redisPreflight,
  redisVersion,
  sentinelPrimary,
  startDaemon,
  stopRedisLab,
  waitForPing,
  waitForReplication,
  waitForSentinels,
} from './redis-daemons.ts';
import { prepareRedisLab, type RedisLayout, type RedisNode } from './redis-layout.ts';
import { reproduceClusterPitfall, reproducePitfall } from './redis-pitfall.ts';
import { SentinelEvents } from './redis-sentinel-events.ts';
import { keySlot } from './redis-slots.ts';
import {
  ClusterWriter,
  countLost,
  DEFAULT_WRITER_OPTIONS,
  SentinelWriter,
  type LossReport,
  type WriterOptions,
} from './redis-writers.ts';

const RESULTS_FILE = join(REPO_ROOT, 'bench-results/redis.json');
/** Acknowledged writes each client makes before the failure. */
const WRITES_BEFORE = 50;

// The shared harness runs and records the steps; the results file is written here, and only by a
// run that passed: the article renders it, so a failed run leaves the last good measurements.
const steps = new HarnessRun(RESULTS_FILE);

/** Seconds from `t0` to `t`, or null when it never happened. */
const after = (t0: number, t: number | undefined): number | null => (t === undefined ? null : seconds(t - t0));

async function startWriters<W extends SentinelWriter | ClusterWriter>(writers: readonly W[]): Promise<void> {
  for (const w of writers) w.start();
  await waitFor(
    `${WRITES_BEFORE} acknowledged writes from each client`,
    30_000,
    async () => (writers.every((w) => w.acks.length >= WRITES_BEFORE) ? true : undefined),
    { intervalMs: 50 },
  );
}

/** Waits for every writer's first acknowledged write on `server` after `t0`; returns the earliest. */
async function firstWritesOn(
  writers: readonly (SentinelWriter | ClusterWriter)[],
  t0: number,
  accept: (ack: { server: string; slot?: number }) => boolean,
  timeoutMs: number,
): Promise<number[]> {
  return waitFor(
    'each client to write again on the new primary',
    timeoutMs,
    async () => {
      const firsts = writers.map((w) => w.acksAfter(t0).find(accept)?.at);
      return firsts.every((t) => t !== undefined) ? (firsts as number[]) : undefined;
    },
    { intervalMs: 50 },
  );
}

interface SentinelRound {
  readonly oldPrimary: string;
  readonly newPrimary: string;
  /** Seconds after the failure, first heard from any Sentinel. */
  readonly events: Record<string, number | null>;
  /** Seconds until a client asking a Sentinel got the new primary's address. */
  readonly sentinelAnswersSeconds: number | null;
  /** Seconds until each client's first acknowledged write on the new primary. */
  readonly firstWriteSeconds: { readonly plain: number; readonly wait: number };
  readonly writes: { readonly plain: LossReport; readonly wait: LossReport };
}

/** Polls one Sentinel, as a client would, until it names another primary; the time it first did. */
function watchSentinelAnswer(lab: RedisLayout, old: RedisNode, until: () => boolean): Promise<number | undefined> {
  return (async () => {
    const sentinel = lab.sentinels[0];
    while (sentinel && !until()) {
      try {
        const at = await sentinelPrimary(lab, sentinel);
        if (at && hostPort(at) !== hostPort(old)) return Date.now();
      } catch {
        // Keep asking.
      }
      await sleep(100);
    }
    return undefined;
  })();
}

const SENTINEL_EVENTS = ['+sdown', '+odown', '+elected-leader', '+promoted-slave', '+switch-master'];

function eventTimes(events: SentinelEvents, lab: RedisLayout, t0: number): Record<string, number | null> {
  // Events about the primary itself ("master cde-redis ...", "cde-redis ..." for +switch-master),
  // not a replica's own +sdown; +promoted-slave names the replica it promoted ("slave ... @ cde-redis ...").
  const name = lab.settings.masterName;
  const master = new RegExp(`^(master ${name} |${name} )`);
  const replica = new RegExp(`^slave .* @ ${name} `);
  return Object.fromEntries(
    SENTINEL_EVENTS.map((e) => [e, after(t0, events.first(e, t0, e === '+promoted-slave' ? replica : master)?.at)]),
  );
}

function switchedTo(events: SentinelEvents, t0: number): Address | undefined {
  const e = events.first('+switch-master', t0);
  const [, , , host, port] = e?.detail.split(' ') ?? [];
  return host && port ? { host, port: Number(port) } : undefined;
}

/** Brings a failed server back and waits until the group is whole again under `primary`. */
async function rejoin(lab: RedisLayout, book: ProcessBook, old: RedisNode, primary: RedisNode): Promise<number> {
  const started = Date.now();
  startDaemon(lab, old, 'redis-server', { detached: false, book });
  await waitForPing(lab, old, 30_000);
  await waitForReplication(lab, lab.servers, 90_000);
  await waitForSentinels(lab, primary, lab.servers.length - 1, 60_000);
  return seconds(Date.now() - started);
}

const nodeAt = (nodes: readonly RedisNode[], a: Address | string): RedisNode => {
  const id = typeof a === 'string' ? a : hostPort(a);
  const node = nodes.find((n) => hostPort(n) === id);
  if (!node) throw new Error(`no lab node at ${id}`);
  return node;
};

async function sentinelCrash(lab: RedisLayout, book: ProcessBook, primary: RedisNode): Promise<SentinelRound> {
  const events = await SentinelEvents.listen(lab);
  const plain = new SentinelWriter(lab, 'plain', 'crash:plain', DEFAULT_WRITER_OPTIONS);
  const wait = new SentinelWriter(lab, 'wait', 'crash:wait', DEFAULT_WRITER_OPTIONS);
  try {
    await startWriters([plain, wait]);
    const t0 = Date.now();
    let done = false;
    const answer = watchSentinelAnswer(lab, primary, () => done);
    crash(book, 'redis-server', primary);
    const target = await waitFor(
      'the Sentinels to switch to a new primary',
      60_000,
      async () => switchedTo(events, t0),
      {
        intervalMs: 50,
      },
    );
    const [plainFirst = 0, waitFirst = 0] = await firstWritesOn(
      [plain, wait],
      t0,
      (a) => a.server === hostPort(target),
      30_000,
    );
    done = true;
    const answeredAt = await answer;
    await sleep(1000);
    await Promise.all([plain.stop(), wait.stop()]);
    return {
      oldPrimary: primary.name,
      newPrimary: nodeAt(lab.servers, target).name,
      events: eventTimes(events, lab, t0),
      sentinelAnswersSeconds: after(t0, answeredAt),
      firstWriteSeconds: { plain: seconds(plainFirst - t0), wait: seconds(waitFirst - t0) },
      writes: {
        plain: await countLost(lab, plain, () => target),
        wait: await countLost(lab, wait, () => target),
      },
    };
  } finally {
    events.close();
    await Promise.all([plain.stop(), wait.stop()]);
  }
}

interface PauseRound {
  readonly minReplicasToWrite: number;
  readonly pausedSeconds: number;
  readonly oldPrimary: string;
  readonly newPrimary: string;
  readonly events: Record<string, number | null>;
  /** Seconds after the resume until Sentinel turned the old primary into a replica (+convert-to-slave). */
  readonly convertedAfterResumeSeconds: number | null;
  /** Writes each client saw acknowledged by the old primary after it resumed. */
  readonly acknowledgedByOldPrimary: { readonly plain: number; readonly wait: number };
  readonly writes: { readonly plain: LossReport; readonly wait: LossReport };
}

/**
 * Pauses the primary for `pauseMs` (longer than a failover takes), then resumes it. The clients'
 * command timeout is longer than the pause, so a write sent just before it is still waiting when
 * the old primary wakes up, and the clients keep their connection to it until it answers with an
 * error or Sentinel closes it.
 */
async function sentinelPause(
  lab: RedisLayout,
  book: ProcessBook,
  primary: RedisNode,
  pauseMs: number,
  minReplicasToWrite: number,
): Promise<PauseRound> {
  const options: WriterOptions = { ...DEFAULT_WRITER_OPTIONS, commandTimeoutMs: pauseMs + 10_000 };
  const label = `pause${minReplicasToWrite}`;
  const events = await SentinelEvents.listen(lab);
  const plain = new SentinelWriter(lab, 'plain', `${label}:plain`, options);
  const wait = new SentinelWriter(lab, 'wait', `${label}:wait`, options);
  try {
    await startWriters([plain, wait]);
    const t0 = Date.now();
    pause(book, 'redis-server', primary);
    const target = await waitFor(
      'the Sentinels to switch to a new primary',
      60_000,
      async () => switchedTo(events, t0),
      {
        intervalMs: 50,
      },
    );
    await sleep(Math.max(0, t0 + pauseMs - Date.now()));
    const resumedAt = Date.now();
    pause(book, 'redis-server', primary, true);
    const converted = await waitFor(
      `Sentinel to turn ${primary.name} into a replica`,
      60_000,
      async () => events.first('+convert-to-slave', resumedAt),
      { intervalMs: 100 },
    );
    await firstWritesOn([plain, wait], resumedAt, (a) => a.server === hostPort(target), 30_000);
    await sleep(1000);
    await Promise.all([plain.stop(), wait.stop()]);
    const byOld = (w: SentinelWriter) => w.acksAfter(resumedAt).filter((a) => a.server === hostPort(primary)).length;
    return {
      minReplicasToWrite,
      pausedSeconds: seconds(resumedAt - t0),
      oldPrimary: primary.name,
      newPrimary: nodeAt(lab.servers, target).name,
      events: eventTimes(events, lab, t0),
      convertedAfterResumeSeconds: seconds(converted.at - resumedAt),
      acknowledgedByOldPrimary: { plain: byOld(plain), wait: byOld(wait) },
      writes: {
        plain: await countLost(lab, plain, () => target),
        wait: await countLost(lab, wait, () => target),
      },
    };
  } finally {
    events.close();
    await Promise.all([plain.stop(), wait.stop()]);
  }
}

/** Sets min-replicas-to-write on every server of the group, at run time. */
async function setMinReplicas(lab: RedisLayout, value: number): Promise<void> {
  for (const s of lab.servers) {
    const reply = await question(lab, s, ['CONFIG', 'SET', 'min-replicas-to-write', value]);
    if (reply !== 'OK') throw new Error(`CONFIG SET min-replicas-to-write on ${s.name}: ${JSON.stringify(reply)}`);
  }
}

interface Transcript {
  readonly command: string;
  readonly output: string;
}

/** Runs redis-cli as a reader would type it; the transcript shows the command without the password. */
async function cli(lab: RedisLayout, args: readonly string[]): Promise<Transcript> {
  const result = await redisCli(lab, ['--no-raw', ...args]);
  return { command: `redis-cli ${args.join(' ')}`, output: plainText(result.stdout + result.stderr).trimEnd() };
}

/** A key from `candidates` whose slot `asked` does not own, so that asking it shows a redirect. */
function keyElsewhere(topology: readonly ClusterNodeLine[], asked: RedisNode, candidates: readonly string[]): string {
  const key = candidates.find((k) => ownerOfSlot(topology, keySlot(k))?.address !== hostPort(asked));
  if (!key) throw new Error(`every candidate key lives on ${asked.name}`);
  return key;
}

async function clusterDemo(lab: RedisLayout, topology: readonly ClusterNodeLine[]) {
  const asked = lab.clusterNodes[0];
  if (!asked) throw new Error('no cluster node');
  const at = ['-h', asked.host, '-p', String(asked.port)];
  const key = keyElsewhere(
    topology,
    asked,
    Array.from({ length: 20 }, (_, i) => `user:${1000 + i}:name`),
  );
  const id = key.split(':')[1] ?? '';
  const tagged = [`user:{${id}}:name`, `user:{${id}}:email`];
  return {
    key,
    slot: keySlot(key),
    owner: ownerOfSlot(topology, keySlot(key))?.address ?? '',
    moved: await cli(lab, [...at, 'SET', key, 'Ada']),
    followed: await cli(lab, [...at, '-c', 'SET', key, 'Ada']),
    read: await cli(lab, [...at, '-c', 'GET', key]),
    slots: await Promise.all(
      [key, `user:${id}:email`, ...tagged].map((k) => cli(lab, [...at, 'CLUSTER', 'KEYSLOT', k])),
    ),
    crossSlot: await cli(lab, [...at, '-c', 'MSET', key, 'Ada', `user:${id}:email`, 'ada@example.org']),
    hashTag: await cli(lab, [...at, '-c', 'MSET', tagged[0] ?? '', 'Ada', tagged[1] ?? '', 'ada@example.org']),
  };
}

interface ClusterRound {
  readonly killed: string;
  readonly promoted: string;
  /** Seconds after the crash, as seen by another primary. */
  readonly pfailSeconds: number | null;
  readonly failSeconds: number | null;
  readonly promotedSeconds: number | null;
  readonly stateOkSeconds: number | null;
  readonly firstWriteSeconds: { readonly plain: number; readonly wait: number };
  /** The longest time without an acknowledged write to the other primaries' slots. */
  readonly otherSlotsGapSeconds: number;
  readonly writes: { readonly plain: LossReport; readonly wait: LossReport };
  readonly rejoinSeconds: number;
}

async function clusterCrash(
  lab: RedisLayout,
  book: ProcessBook,
  pairs: ReadonlyMap<string, string>,
): Promise<ClusterRound> {
  const byName = (name: string) => lab.clusterNodes.find((n) => n.name === name);
  const [victimName, replicaName] = [...pairs.entries()].sort(([a], [b]) => a.localeCompare(b))[0] ?? [];
  const victim = victimName ? byName(victimName) : undefined;
  const replica = replicaName ? byName(replicaName) : undefined;
  const observer = lab.clusterNodes.find((n) => pairs.has(n.name) && n !== victim);
  if (!victim || !replica || !observer) throw new Error('no primary with a replica to crash');
  const before = await clusterNodes(lab, observer);
  const victimSlots = new Set<number>();
  for (const range of before.find((n) => n.address === hostPort(victim))?.slots ?? []) {
    const [from = 0, to = from] = range.split('-').map(Number);
    for (let s = from; s <= to; s++) victimSlots.add(s);
  }
  const plain = new ClusterWriter(lab, 'plain', 'cluster:plain', DEFAULT_WRITER_OPTIONS);
  const wait = new ClusterWriter(lab, 'wait', 'cluster:wait', DEFAULT_WRITER_OPTIONS);
  try {
    await startWriters([plain, wait]);
    const t0 = Date.now();
    crash(book, 'redis-cluster', victim);
    const seen: { pfail?: number; fail?: number; promoted?: number; ok?: number } = {};
    await waitFor(
      `${replica.name} to take over ${victim.name}'s slots and the cluster to be ok`,
      60_000,
      async () => {
        const topology = await clusterNodes(lab, observer);
        const now = Date.now();
        const v = topology.find((n) => n.address === hostPort(victim));
        if (v?.flags.includes('fail?')) seen.pfail ??= now;
        if (v?.flags.includes('fail')) {
          seen.pfail ??= now;
          seen.fail ??= now;
        }
        const r = topology.find((n) => n.address === hostPort(replica));
        if (r && isPrimary(r) && r.slots.length > 0) seen.promoted ??= now;
        const infoReply = await question(lab, observer, ['CLUSTER', 'INFO']);
        if (seen.promoted && typeof infoReply === 'string' && infoReply.includes('cluster_state:ok')) seen.ok ??= now;
        return seen.ok;
      },
      { intervalMs: 50 },
    );
    const [plainFirst = 0, waitFirst = 0] = await firstWritesOn(
      [plain, wait],
      t0,
      (a) => a.server === hostPort(replica) && a.slot !== undefined && victimSlots.has(a.slot),
      30_000,
    );
    await sleep(1000);
    await Promise.all([plain.stop(), wait.stop()]);
    const others = [...plain.acks, ...wait.acks]
      .filter((a) => a.slot !== undefined && !victimSlots.has(a.slot))
      .map((a) => a.at)
      .sort((a, b) => a - b);
    let gap = 0;
    for (let i = 1; i < others.length; i++) {
      const a = others[i - 1] ?? 0;
      const b = others[i] ?? 0;
      if (b > t0) gap = Math.max(gap, b - Math.max(a, t0));
    }
    const topology = await clusterNodes(lab, observer);
    const holder = (ack: { slot?: number }) => {
      const owner = ownerOfSlot(topology, ack.slot ?? 0);
      const [host = '', port = '0'] = (owner?.address ?? '').split(':');
      return { host, port: Number(port) };
    };
    const writes = { plain: await countLost(lab, plain, holder), wait: await countLost(lab, wait, holder) };
    const rejoinStarted = Date.now();
    startDaemon(lab, victim, 'redis-cluster', { detached: false, book });
    await waitForPing(lab, victim, 30_000);
    await waitForClusterOk(lab, lab.clusterNodes, 90_000);
    return {
      killed: victim.name,
      promoted: replica.name,
      pfailSeconds: after(t0, seen.pfail),
      failSeconds: after(t0, seen.fail),
      promotedSeconds: after(t0, seen.promoted),
      stateOkSeconds: after(t0, seen.ok),
      firstWriteSeconds: { plain: seconds(plainFirst - t0), wait: seconds(waitFirst - t0) },
      otherSlotsGapSeconds: seconds(gap),
      writes,
      rejoinSeconds: seconds(Date.now() - rejoinStarted),
    };
  } finally {
    await Promise.all([plain.stop(), wait.stop()]);
  }
}

/** A check on a measured loss report: plain writes may be lost, WAIT-confirmed ones are counted. */
function lossLine(r: LossReport): string {
  const confirmed =
    r.confirmed === undefined ? '' : `; WAIT confirmed ${r.confirmed}, of which lost ${r.confirmedLost}`;
  return `${r.acknowledged} acknowledged, ${r.lost} lost${confirmed}`;
}

/**
 * What content/articles/lab-redis.mdx says in words about these runs (the numbers it shows come
 * from the results file itself). A run that contradicts one fails, naming the claim, so the page
 * never stays wrong.
 */
function pageClaims(lab: RedisLayout, results: Record<string, unknown>): { claim: string; holds: boolean }[] {
  const crash = results.sentinelCrash as SentinelRound;
  const [withMin, withoutMin] = results.sentinelPause as PauseRound[];
  const cluster = results.clusterCrash as ClusterRound;
  const rounds = [crash.writes, withMin?.writes, withoutMin?.writes, cluster.writes];
  return [
    {
      claim: 'no write that WAIT confirmed was lost, in any run',
      holds: rounds.every((w) => w !== undefined && (w.wait.confirmedLost ?? 0) === 0),
    },
    {
      claim: 'the first Sentinel marked the crashed primary down once down-after-milliseconds had passed',
      holds: (crash.events['+sdown'] ?? 0) >= lab.settings.downAfterMs / 1000 - 0.1,
    },
    {
      claim: 'with min-replicas-to-write 1 the woken old primary refused writes with NOREPLICAS',
      holds: (withMin?.writes.plain.failures.NOREPLICAS ?? 0) + (withMin?.writes.wait.failures.NOREPLICAS ?? 0) > 0,
    },
    {
      claim: 'without min-replicas-to-write the woken old primary acknowledged writes that were then lost',
      holds: (withoutMin?.writes.plain.lost ?? 0) > 0,
    },
    {
      claim: 'WAIT cost throughput while no replica answered',
      holds: (withoutMin?.writes.wait.acknowledged ?? 0) < (withoutMin?.writes.plain.acknowledged ?? 0),
    },
    {
      claim: 'without their announce lines the cluster nodes never join ("Waiting for the cluster to join")',
      holds:
        !(results.clusterPitfall as { joined: boolean }).joined &&
        (results.clusterPitfall as { lastLine: string }).lastLine.startsWith('Waiting for the cluster to join'),
    },
    {
      claim:
        'redis-cli --cluster create made node5 the replica of node1, node6 of node2 and node4 of node3 (the cluster diagram)',
      holds: [
        ['node5', 'node1'],
        ['node6', 'node2'],
        ['node4', 'node3'],
      ].every(([replica, primary]) => {
        const address = (name: string | undefined) => {
          const node = lab.clusterNodes.find((n) => n.name === name);
          return node === undefined ? '?' : `${node.host}:${node.port}`;
        };
        return (results.clusterCreate as { output: string }).output.includes(
          `Adding replica ${address(replica)} to ${address(primary)}`,
        );
      }),
    },
    {
      claim: 'a cluster node was suspected a little after cluster-node-timeout',
      holds: (cluster.pfailSeconds ?? 0) >= lab.settings.clusterNodeTimeoutMs / 1000,
    },
    {
      claim: 'the whole cluster refused queries (CLUSTERDOWN) between FAIL and the promotion',
      holds: (cluster.writes.plain.failures.CLUSTERDOWN ?? 0) + (cluster.writes.wait.failures.CLUSTERDOWN ?? 0) > 0,
    },
  ];
}

async function main(): Promise<void> {
  const stateDir = mkdtempSync(join(tmpdir(), 'cde-redis-test-'));
  const book = new ProcessBook(stateDir);
  let passed = false;
  const removeInterruptHandlers = steps.onInterrupt(() => stopRedisLab(book));
  const results: Record<string, unknown> = { measuredAt: new Date().toISOString() };
  let lab: RedisLayout | undefined;
  try {
    lab = await steps.step('Check the lab files and prepare runnable copies', async () => {
      const layout = prepareRedisLab(join(stateDir, 'lab'));
      const problems = await redisPreflight(layout);
      if (problems.length > 0) throw new Error(`cannot run here:\n  - ${problems.join('\n  - ')}`);
      return { value: layout, detail: `state in ${stateDir}; only the dir lines were changed` };
    });
    const current = lab;
    const options = { detached: false, book };
    results.version = await redisVersion();
    results.settings = current.settings;

    results.pitfall = await steps.step('The pitfall: the Sentinel group without its announce lines', async () => {
      const value = await reproducePitfall(join(stateDir, 'pitfall'), book);
      if (value.odown) throw new Error('the Sentinels agreed on the primary being down without the announce settings');
      return {
        value,
        detail: `replicas listed as ${value.replicasListedAs.join(', ')}; Sentinels known as ${value.sentinelsKnownAs.join(', ')}; "${value.ckquorum}"; primary killed: +sdown ${value.sdown ? 'yes' : 'no'}, +odown ${value.odown ? 'yes' : 'no'} within ${value.watchedSeconds} s`,
      };
    });

    const bootStarted = Date.now();
    let state = await steps.step('Start the Sentinel group: three servers, then three Sentinels', async () => {
      for (const s of current.servers) startDaemon(current, s, 'redis-server', options);
      const replication = await waitForReplication(current, current.servers, 60_000);
      for (const s of current.sentinels) startDaemon(current, s, 'redis-sentinel', options);
      const ckquorum = await waitForSentinels(current, replication.primary, replication.replicas.length, 60_000);
      results.ckquorum = ckquorum;
      return {
        value: replication,
        detail: `${replication.primary.name} is the primary, replicas in sync; "${ckquorum}"`,
      };
    });
    results.sentinelBootSeconds = seconds(Date.now() - bootStarted);

    const crashRound = await steps.step(
      `Crash the primary (${state.primary.name}, SIGKILL) while two clients write`,
      async () => {
        const round = await sentinelCrash(current, book, state.primary);
        return {
          value: round,
          detail: `+odown ${round.events['+odown']} s, +switch-master ${round.events['+switch-master']} s to ${round.newPrimary}; writes again after ${round.firstWriteSeconds.plain} s; plain: ${lossLine(round.writes.plain)}; WAIT: ${lossLine(round.writes.wait)}`,
        };
      },
    );
    const crashRejoin = await steps.step(`Restart ${crashRound.oldPrimary}; Sentinel makes it a replica`, async () => {
      const primary = current.servers.find((s) => s.name === crashRound.newPrimary);
      if (!primary) throw new Error(`unknown server ${crashRound.newPrimary}`);
      const secondsTaken = await rejoin(current, book, state.primary, primary);
      return { value: secondsTaken, detail: `the group is whole again under ${primary.name}` };
    });
    results.sentinelCrash = { ...crashRound, rejoinSeconds: crashRejoin };
    state = await waitForReplication(current, current.servers, 30_000);

    const pauseMs = 3 * current.settings.downAfterMs;
    const pauses: PauseRound[] = [];
    for (const minReplicas of [current.settings.minReplicasToWrite, 0]) {
      const label =
        minReplicas === current.settings.minReplicasToWrite
          ? `min-replicas-to-write ${minReplicas}, as in the files`
          : 'min-replicas-to-write 0 (CONFIG SET at run time)';
      if (minReplicas !== current.settings.minReplicasToWrite) await setMinReplicas(current, minReplicas);
      const primary = state.primary;
      const round = await steps.step(
        `Pause the primary (${primary.name}, SIGSTOP) for ${pauseMs / 1000} s, ${label}`,
        async () => {
          const value = await sentinelPause(current, book, primary, pauseMs, minReplicas);
          return {
            value,
            detail: `${value.newPrimary} promoted; after the resume the old primary acknowledged ${value.acknowledgedByOldPrimary.plain} plain and ${value.acknowledgedByOldPrimary.wait} WAIT writes until Sentinel made it a replica (${value.convertedAfterResumeSeconds} s); plain: ${lossLine(value.writes.plain)}; WAIT: ${lossLine(value.writes.wait)}`,
          };
        },
      );
      pauses.push(round);
      state = await waitForReplication(current, current.servers, 90_000);
      await waitForSentinels(current, state.primary, state.replicas.length, 60_000);
      if (minReplicas !== current.settings.minReplicasToWrite) {
        await setMinReplicas(current, current.settings.minReplicasToWrite);
      }
    }
    results.sentinelPause = pauses;
    await stopRedisLab(book);

    results.clusterPitfall = await steps.step(
      'The pitfall: the cluster nodes without their announce lines',
      async () => {
        const value = await reproduceClusterPitfall(join(stateDir, 'cluster-pitfall'), book);
        return {
          value,
          detail: value.joined
            ? 'redis-cli --cluster create finished'
            : `redis-cli --cluster create had not finished after ${value.waitedSeconds} s; last words: "${value.lastLine}"`,
        };
      },
    );

    const clusterStarted = Date.now();
    const created = await steps.step(
      'Start six cluster nodes and create the cluster with redis-cli --cluster create',
      async () => {
        for (const n of current.clusterNodes) startDaemon(current, n, 'redis-cluster', options);
        for (const n of current.clusterNodes) await waitForPing(current, n, 10_000);
        const t = Date.now();
        const output = await createCluster(current);
        const createSeconds = seconds(Date.now() - t);
        const whole = await waitForClusterOk(current, current.clusterNodes, 60_000);
        return {
          value: { output, createSeconds, whole },
          detail: `created in ${createSeconds} s; ${[...whole.pairs].map(([p, r]) => `${p} ← ${r}`).join(', ')}`,
        };
      },
    );
    results.clusterCreate = {
      command: `redis-cli --cluster create ${current.clusterNodes.map((n) => `${n.host}:${n.port}`).join(' ')} --cluster-replicas 1 --cluster-yes`,
      output: created.output.trimEnd(),
      seconds: created.createSeconds,
      untilWholeSeconds: seconds(Date.now() - clusterStarted),
    };

    results.clusterDemo = await steps.step('MOVED redirects and hash tags with redis-cli', async () => {
      const demo = await clusterDemo(current, created.whole.topology);
      if (!demo.moved.output.includes('MOVED')) throw new Error(`expected a MOVED error, got: ${demo.moved.output}`);
      if (!demo.crossSlot.output.includes('CROSSSLOT'))
        throw new Error(`expected CROSSSLOT, got: ${demo.crossSlot.output}`);
      if (demo.hashTag.output !== 'OK') throw new Error(`expected OK for the hash tags, got: ${demo.hashTag.output}`);
      return { value: demo, detail: `${demo.key} is in slot ${demo.slot} on ${demo.owner}: ${demo.moved.output}` };
    });

    results.clusterCrash = await steps.step('Crash a cluster primary (SIGKILL) while two clients write', async () => {
      const round = await clusterCrash(current, book, created.whole.pairs);
      return {
        value: round,
        detail: `${round.killed} → ${round.promoted}: FAIL at ${round.failSeconds} s, promoted at ${round.promotedSeconds} s, cluster ok at ${round.stateOkSeconds} s; other slots without writes for ${round.otherSlotsGapSeconds} s; plain: ${lossLine(round.writes.plain)}; WAIT: ${lossLine(round.writes.wait)}; rejoined in ${round.rejoinSeconds} s`,
      };
    });
    await steps.step("Check the lab article's claims against these measurements", async () => {
      const broken = pageClaims(current, results).filter((c) => !c.holds);
      if (broken.length > 0)
        throw new Error(
          `the page says:\n  - ${broken.map((c) => c.claim).join('\n  - ')}\nbut this run measured otherwise`,
        );
      return { value: undefined, detail: 'every claim holds' };
    });
    passed = true;
  } catch {
    // Reported by the step; show the daemons' last words.
    if (lab) {
      const names = [...lab.servers, ...lab.sentinels, ...lab.clusterNodes].map((n) => n.name);
      printLogTails(lab.logDir, names, 6);
    }
  } finally {
    const stopped = await stopRedisLab(book);
    process.stdout.write(`\nStopped: ${stopped.join('; ') || 'nothing was running'}\n`);
    removeInterruptHandlers();
  }
  const totalSeconds = steps.elapsed(steps.started);
  Object.assign(results, { passed, totalSeconds, checks: steps.checks });
  const failed = steps.checks.filter((c) => !c.ok).length;
  if (passed) {
    mkdirSync(join(REPO_ROOT, 'bench-results'), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`\nWhole run: ${totalSeconds} s. Results in ${RESULTS_FILE}\n`);
    rmSync(stateDir, { recursive: true, force: true });
  } else {
    process.stdout.write(
      `\nWhole run: ${totalSeconds} s. ${RESULTS_FILE} left as it was. State and logs kept in ${stateDir}\n`,
    );
  }
  process.stdout.write(`redis: ${steps.checks.length - failed} passed, ${failed} failed\n`);
  process.exitCode = passed ? 0 : 1;
}

await main();
