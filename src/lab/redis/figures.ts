/**
 * The lab article's figures, by name, from bench-results/redis.json: every number the page shows
 * about the Redis lab's runs comes from here (<RedisFigure name="sentinel-crash.odown" />), never
 * typed into the article. An unknown name, a missing results file or one that does not match its
 * schema fails the build, saying what to do.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { redisResultsSchema, type RedisResults } from './results-schema.ts';

export const REDIS_RESULTS_FILE = 'bench-results/redis.json';

const cache = new Map<string, RedisResults>();

/** Reads and checks the results file (relative to the project root, where the build runs), once per build. */
export function readRedisResults(path = resolve(process.cwd(), REDIS_RESULTS_FILE)): RedisResults {
  const cached = cache.get(path);
  if (cached) return cached;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `${REDIS_RESULTS_FILE} cannot be read (${error instanceof Error ? error.message : String(error)}). Fix: run npm run test:redis, which measures the Redis lab and writes it.`,
      { cause: error },
    );
  }
  const parsed = redisResultsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${REDIS_RESULTS_FILE}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}. Fix: run npm run test:redis again; if the schema changed, update src/lab/redis/results-schema.ts with it.`,
    );
  }
  cache.set(path, parsed.data);
  return parsed.data;
}

/** Seconds with one decimal: "3.4 s"; "did not happen" for a step that never came. */
export const formatSeconds = (s: number | null): string => (s === null ? 'did not happen' : `${s.toFixed(1)} s`);
export const formatCount = (n: number): string => n.toLocaleString('en-US');

type Figures = Record<string, (r: RedisResults) => string>;

function pauseFigures(prefix: string, index: number): Figures {
  const p = (r: RedisResults) => {
    const round = r.sentinelPause[index];
    if (!round) throw new Error(`${REDIS_RESULTS_FILE}: sentinelPause[${index}] is missing`);
    return round;
  };
  return {
    [`${prefix}.min-replicas`]: (r) => String(p(r).minReplicasToWrite),
    [`${prefix}.paused`]: (r) => formatSeconds(p(r).pausedSeconds),
    [`${prefix}.odown`]: (r) => formatSeconds(p(r).events['+odown']),
    [`${prefix}.switch`]: (r) => formatSeconds(p(r).events['+switch-master']),
    [`${prefix}.converted`]: (r) => formatSeconds(p(r).convertedAfterResumeSeconds),
    [`${prefix}.by-old.plain`]: (r) => formatCount(p(r).acknowledgedByOldPrimary.plain),
    [`${prefix}.by-old.wait`]: (r) => formatCount(p(r).acknowledgedByOldPrimary.wait),
    [`${prefix}.noreplicas.plain`]: (r) => formatCount(p(r).writes.plain.failures.NOREPLICAS ?? 0),
    ...writeFigures(prefix, (r) => p(r).writes),
  };
}

function writeFigures(prefix: string, pick: (r: RedisResults) => RedisResults['sentinelCrash']['writes']): Figures {
  return {
    [`${prefix}.plain.acknowledged`]: (r) => formatCount(pick(r).plain.acknowledged),
    [`${prefix}.plain.lost`]: (r) => formatCount(pick(r).plain.lost),
    [`${prefix}.wait.acknowledged`]: (r) => formatCount(pick(r).wait.acknowledged),
    [`${prefix}.wait.lost`]: (r) => formatCount(pick(r).wait.lost),
    [`${prefix}.wait.confirmed`]: (r) => formatCount(pick(r).wait.confirmed ?? 0),
    [`${prefix}.wait.unconfirmed`]: (r) => formatCount(pick(r).wait.acknowledged - (pick(r).wait.confirmed ?? 0)),
    [`${prefix}.wait.confirmed-lost`]: (r) => formatCount(pick(r).wait.confirmedLost ?? 0),
  };
}

/** Every figure the article may show, by name. */
export const REDIS_FIGURES: Figures = {
  'measured-on': (r) => r.measuredAt.slice(0, 10),
  version: (r) => r.version,
  'total-run': (r) => formatSeconds(r.totalSeconds),
  'down-after': (r) => formatSeconds(r.settings.downAfterMs / 1000),
  'failover-timeout': (r) => formatSeconds(r.settings.failoverTimeoutMs / 1000),
  'node-timeout': (r) => formatSeconds(r.settings.clusterNodeTimeoutMs / 1000),
  'min-replicas-max-lag': (r) => formatSeconds(r.settings.minReplicasMaxLag),
  'pitfall.replicas': (r) => r.pitfall.replicasListedAs.join(' and '),
  'pitfall.sentinels': (r) => r.pitfall.sentinelsKnownAs.join(' and '),
  'pitfall.ckquorum': (r) => r.pitfall.ckquorum,
  'pitfall.watched': (r) => formatSeconds(r.pitfall.watchedSeconds),
  'pitfall.primary-at-end': (r) => r.pitfall.primaryAtEnd,
  ckquorum: (r) => r.ckquorum,
  'sentinel-boot': (r) => formatSeconds(r.sentinelBootSeconds),
  'sentinel-crash.old': (r) => r.sentinelCrash.oldPrimary,
  'sentinel-crash.new': (r) => r.sentinelCrash.newPrimary,
  'sentinel-crash.sdown': (r) => formatSeconds(r.sentinelCrash.events['+sdown']),
  'sentinel-crash.odown': (r) => formatSeconds(r.sentinelCrash.events['+odown']),
  'sentinel-crash.elected': (r) => formatSeconds(r.sentinelCrash.events['+elected-leader']),
  'sentinel-crash.promoted': (r) => formatSeconds(r.sentinelCrash.events['+promoted-slave']),
  'sentinel-crash.switch': (r) => formatSeconds(r.sentinelCrash.events['+switch-master']),
  'sentinel-crash.answer': (r) => formatSeconds(r.sentinelCrash.sentinelAnswersSeconds),
  'sentinel-crash.write.plain': (r) => formatSeconds(r.sentinelCrash.firstWriteSeconds.plain),
  'sentinel-crash.write.wait': (r) => formatSeconds(r.sentinelCrash.firstWriteSeconds.wait),
  'sentinel-crash.rejoin': (r) => formatSeconds(r.sentinelCrash.rejoinSeconds),
  ...writeFigures('sentinel-crash', (r) => r.sentinelCrash.writes),
  // The pause runs in order: with the files' min-replicas-to-write, then with it switched off.
  ...pauseFigures('pause', 0),
  ...pauseFigures('pause-off', 1),
  'cluster-pitfall.waited': (r) => formatSeconds(r.clusterPitfall.waitedSeconds),
  'cluster-pitfall.last-line': (r) => r.clusterPitfall.lastLine,
  'cluster.create': (r) => formatSeconds(r.clusterCreate.seconds),
  'cluster.whole': (r) => formatSeconds(r.clusterCreate.untilWholeSeconds),
  'cluster.key': (r) => r.clusterDemo.key,
  'cluster.slot': (r) => String(r.clusterDemo.slot),
  'cluster.owner': (r) => r.clusterDemo.owner,
  'cluster-crash.killed': (r) => r.clusterCrash.killed,
  'cluster-crash.promoted-node': (r) => r.clusterCrash.promoted,
  'cluster-crash.pfail': (r) => formatSeconds(r.clusterCrash.pfailSeconds),
  'cluster-crash.fail': (r) => formatSeconds(r.clusterCrash.failSeconds),
  'cluster-crash.promoted': (r) => formatSeconds(r.clusterCrash.promotedSeconds),
  'cluster-crash.ok': (r) => formatSeconds(r.clusterCrash.stateOkSeconds),
  'cluster-crash.write.plain': (r) => formatSeconds(r.clusterCrash.firstWriteSeconds.plain),
  'cluster-crash.write.wait': (r) => formatSeconds(r.clusterCrash.firstWriteSeconds.wait),
  'cluster-crash.other-slots-gap': (r) => formatSeconds(r.clusterCrash.otherSlotsGapSeconds),
  'cluster-crash.rejoin': (r) => formatSeconds(r.clusterCrash.rejoinSeconds),
  ...writeFigures('cluster-crash', (r) => r.clusterCrash.writes),
};

/** One figure's text; an unknown name throws, listing the known ones. */
export function redisFigure(results: RedisResults, name: string): string {
  const figure = REDIS_FIGURES[name];
  if (!figure) {
    throw new Error(
      `<RedisFigure name="${name}">: no such figure. Fix: use one of ${Object.keys(REDIS_FIGURES).join(', ')} (src/lab/redis/figures.ts).`,
    );
  }
  return figure(results);
}

/**
 * redis-cli --cluster create's plan and its last line: the node IDs it lists (random, and listed
 * again in the check after the join) and the check itself are left out, and the cut is marked.
 */
export function untilJoined(output: string): string {
  const lines = output.split('\n');
  const joined = lines.findIndex((l) => l.startsWith('Waiting for the cluster to join'));
  if (joined < 0 || joined >= lines.length - 2) return output;
  const plan = lines.slice(0, joined + 1).filter((l) => !/^([MS]: [0-9a-f]{40} |\s+(slots|replicates)\b)/.test(l));
  return [...plan, '… (node IDs and the check of every node and slot left out) …', lines.at(-1) ?? ''].join('\n');
}

/** The transcripts of redis-cli the article can show, by name. */
export const REDIS_TRANSCRIPTS = {
  'cluster-create': (r: RedisResults) => [{ ...r.clusterCreate, output: untilJoined(r.clusterCreate.output) }],
  moved: (r: RedisResults) => [r.clusterDemo.moved, r.clusterDemo.followed, r.clusterDemo.read],
  'hash-tags': (r: RedisResults) => [...r.clusterDemo.slots, r.clusterDemo.crossSlot, r.clusterDemo.hashTag],
} as const;

export type TranscriptName = keyof typeof REDIS_TRANSCRIPTS;

/** A transcript as a console shows it: "$ command", then its output. */
export function redisTranscript(results: RedisResults, name: string): string {
  const pick = (REDIS_TRANSCRIPTS as Record<string, (r: RedisResults) => { command: string; output: string }[]>)[name];
  if (!pick) {
    throw new Error(
      `<RedisTranscript name="${name}">: no such transcript. Fix: use one of ${Object.keys(REDIS_TRANSCRIPTS).join(', ')}.`,
    );
  }
  return pick(results)
    .map((t) => `$ ${t.command}\n${t.output}`)
    .join('\n');
}
