/**
 * The pitfall the announce settings prevent, reproduced: the lab's files started with their
 * announce lines left out (replica-announce-ip, replica-announce-port, bind-source-addr, sentinel
 * announce-ip, sentinel announce-port, cluster-announce-ip), everything else unchanged. For the
 * Sentinel group the run records what a reader would see: how the primary lists its replicas, which
 * addresses the Sentinels know each other by, what SENTINEL CKQUORUM says, and whether a killed
 * primary is failed over at all; for the cluster, whether redis-cli --cluster create finishes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { splitArgs } from '../../src/lab/redis/conf-lines.ts';
import type { ProcessBook } from './process-book.ts';
import { SentinelEvents } from './redis-sentinel-events.ts';
import { crash, info, question, sentinelPrimary, startDaemon, stopRedisLab, waitForPing } from './redis-daemons.ts';
import { createCluster } from './redis-cluster-ops.ts';
import { prepareRedisLab, type RedisLayout } from './redis-layout.ts';
import { sleep, waitFor } from './wait-for.ts';

const ANNOUNCE_LINES = new Set([
  'cluster-announce-ip',
  'replica-announce-ip',
  'replica-announce-port',
  'bind-source-addr',
  'sentinel announce-ip',
  'sentinel announce-port',
]);

/** The file without its announce lines (comments and everything else kept). */
export function withoutAnnounceLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => {
      const words = line.trim().startsWith('#') ? undefined : splitArgs(line);
      const key = words?.[0] === 'sentinel' ? `sentinel ${words[1] ?? ''}` : (words?.[0] ?? '');
      return !ANNOUNCE_LINES.has(key.toLowerCase());
    })
    .join('\n');
}

export interface PitfallResult {
  /** How the primary lists its replicas in INFO replication (ip:port). */
  readonly replicasListedAs: readonly string[];
  /** The addresses of the other Sentinels each Sentinel knows (SENTINEL SENTINELS). */
  readonly sentinelsKnownAs: readonly string[];
  /** SENTINEL CKQUORUM's answer. */
  readonly ckquorum: string;
  /** How long the run watched after killing the primary. */
  readonly watchedSeconds: number;
  /** Whether any Sentinel saw the killed primary subjectively down (+sdown). */
  readonly sdown: boolean;
  /** Whether any Sentinel marked it objectively down (+odown): a failover can start only then. */
  readonly odown: boolean;
  /** The primary's address the Sentinels still gave at the end. */
  readonly primaryAtEnd: string;
}

export async function reproducePitfall(stateDir: string, book: ProcessBook): Promise<PitfallResult> {
  const lab: RedisLayout = prepareRedisLab(stateDir);
  for (const node of [...lab.servers, ...lab.sentinels]) {
    writeFileSync(node.configFile, withoutAnnounceLines(readFileSync(node.configFile, 'utf8')));
  }
  const options = { detached: false, book };
  const [primary] = lab.servers;
  const sentinel = lab.sentinels[0];
  if (!primary || !sentinel) throw new Error('the pitfall needs the Sentinel group');
  try {
    for (const s of lab.servers) startDaemon(lab, s, 'redis-server', options);
    for (const s of lab.servers) await waitForPing(lab, s, 10_000);
    // The replicas connect at once; wait until the primary lists both.
    const listed = await waitFor('the primary to list two replicas', 30_000, async () => {
      const fields = await info(lab, primary, 'replication');
      const replicas = ['slave0', 'slave1'].map((k) => fields[k]).filter((v): v is string => v !== undefined);
      return replicas.length === 2 ? replicas : undefined;
    });
    for (const s of lab.sentinels) startDaemon(lab, s, 'redis-sentinel', options);
    for (const s of lab.sentinels) await waitForPing(lab, s, 10_000, true);
    // Sentinels announce themselves every 2 seconds; give them several rounds.
    await sleep(6000);
    const known = await question(lab, sentinel, ['SENTINEL', 'SENTINELS', lab.settings.masterName], true);
    const sentinelsKnownAs = Array.isArray(known)
      ? known.map((entry) => {
          const fields = Array.isArray(entry) ? entry.map(String) : [];
          return `${fields[fields.indexOf('ip') + 1] ?? '?'}:${fields[fields.indexOf('port') + 1] ?? '?'}`;
        })
      : [];
    const ckquorum = String(await question(lab, sentinel, ['SENTINEL', 'CKQUORUM', lab.settings.masterName], true));
    const events = await SentinelEvents.listen(lab);
    const killedAt = Date.now();
    crash(book, 'redis-server', primary);
    // Three times down-after-milliseconds: the real group is failed over well within that.
    const watchMs = 3 * lab.settings.downAfterMs;
    await sleep(watchMs);
    events.close();
    const master = new RegExp(`^master ${lab.settings.masterName} `);
    const at = await sentinelPrimary(lab, sentinel);
    return {
      replicasListedAs: listed.map((r) => {
        const fields = Object.fromEntries(r.split(',').map((kv) => kv.split('=')));
        return `${fields.ip ?? '?'}:${fields.port ?? '?'}`;
      }),
      sentinelsKnownAs,
      ckquorum,
      watchedSeconds: Math.round(watchMs / 100) / 10,
      sdown: events.first('+sdown', killedAt, master) !== undefined,
      odown: events.first('+odown', killedAt, master) !== undefined,
      primaryAtEnd: at ? `${at.host}:${at.port}` : 'none',
    };
  } finally {
    await stopRedisLab(book);
  }
}

export interface ClusterPitfallResult {
  /** Whether redis-cli --cluster create finished. */
  readonly joined: boolean;
  /** How long the run let it try. */
  readonly waitedSeconds: number;
  /** The last line it printed before it was stopped. */
  readonly lastLine: string;
}

/** The six cluster nodes without their announce lines: does redis-cli --cluster create finish? */
export async function reproduceClusterPitfall(stateDir: string, book: ProcessBook): Promise<ClusterPitfallResult> {
  const lab: RedisLayout = prepareRedisLab(stateDir);
  for (const node of lab.clusterNodes) {
    writeFileSync(node.configFile, withoutAnnounceLines(readFileSync(node.configFile, 'utf8')));
  }
  const options = { detached: false, book };
  const waitMs = 10_000;
  try {
    for (const n of lab.clusterNodes) startDaemon(lab, n, 'redis-cluster', options);
    for (const n of lab.clusterNodes) await waitForPing(lab, n, 10_000);
    try {
      await createCluster(lab, waitMs);
      return { joined: true, waitedSeconds: waitMs / 1000, lastLine: '' };
    } catch (error) {
      const lines = (error instanceof Error ? error.message : String(error)).trimEnd().split('\n');
      const last = [...lines].reverse().find((l) => /[A-Za-z]/.test(l)) ?? '';
      return { joined: false, waitedSeconds: waitMs / 1000, lastLine: last.trim() };
    }
  } finally {
    await stopRedisLab(book);
  }
}
