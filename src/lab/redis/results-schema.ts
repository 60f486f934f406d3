/**
 * What `npm run test:redis` writes to bench-results/redis.json, as a schema: the lab article reads
 * its figures from that file at build time, and a file that does not match fails the build.
 */
import { z } from 'zod';

/** Seconds after the failure, or null when it did not happen in the run. */
const when = z.number().nonnegative().nullable();

/** What the clients wrote during one failure, and what was missing afterwards. */
const lossReport = z.object({
  /** Writes the client saw acknowledged (SET answered OK). */
  acknowledged: z.number().int().nonnegative(),
  /** Of those, missing or different on the primary afterwards. */
  lost: z.number().int().nonnegative(),
  /** WAIT mode: acknowledged writes that WAIT said at least one replica had. */
  confirmed: z.number().int().nonnegative().optional(),
  /** WAIT mode: of the confirmed writes, lost. */
  confirmedLost: z.number().int().nonnegative().optional(),
  /** A few of the lost keys. */
  lostKeys: z.array(z.string()),
  /** Failed attempts by reason: an error code, timeout, closed, connect, no primary. */
  failures: z.record(z.string(), z.number().int()),
});

/** Both clients of one failure: plain SET, and SET followed by WAIT 1. */
const writes = z.object({ plain: lossReport, wait: lossReport });

/** Sentinel events, seconds after the failure, first heard from any Sentinel. */
const sentinelEvents = z.object({
  '+sdown': when,
  '+odown': when,
  '+elected-leader': when,
  '+promoted-slave': when,
  '+switch-master': when,
});

/** One command as a reader types it, and what redis-cli printed. */
const transcript = z.object({ command: z.string(), output: z.string() });

export const redisResultsSchema = z.object({
  /** When the run was made (ISO 8601). */
  measuredAt: z.string(),
  /** redis-server --version. */
  version: z.string(),
  /** The settings the measurements are compared with, read from the lab's files. */
  settings: z.object({
    masterName: z.string(),
    quorum: z.number().int(),
    downAfterMs: z.number().int(),
    failoverTimeoutMs: z.number().int(),
    minReplicasToWrite: z.number().int(),
    minReplicasMaxLag: z.number().int(),
    clusterNodeTimeoutMs: z.number().int(),
  }),
  /** The Sentinel group started without its announce lines. */
  pitfall: z.object({
    replicasListedAs: z.array(z.string()),
    sentinelsKnownAs: z.array(z.string()),
    ckquorum: z.string(),
    watchedSeconds: z.number(),
    sdown: z.boolean(),
    odown: z.boolean(),
    primaryAtEnd: z.string(),
  }),
  /** SENTINEL CKQUORUM's answer for the group as the files configure it. */
  ckquorum: z.string(),
  /** Seconds from starting the servers to every Sentinel knowing the whole group. */
  sentinelBootSeconds: z.number(),
  /** The primary killed with SIGKILL. */
  sentinelCrash: z.object({
    oldPrimary: z.string(),
    newPrimary: z.string(),
    events: sentinelEvents,
    /** Until a Sentinel asked by a client named the new primary. */
    sentinelAnswersSeconds: when,
    firstWriteSeconds: z.object({ plain: z.number(), wait: z.number() }),
    writes,
    /** From restarting the old primary to the group being whole again, with it as a replica. */
    rejoinSeconds: z.number(),
  }),
  /** The primary paused (SIGSTOP) and resumed: with the files' min-replicas-to-write, then with 0. */
  sentinelPause: z
    .array(
      z.object({
        minReplicasToWrite: z.number().int(),
        pausedSeconds: z.number(),
        oldPrimary: z.string(),
        newPrimary: z.string(),
        events: sentinelEvents,
        /** After the resume, until Sentinel made the old primary a replica (+convert-to-slave). */
        convertedAfterResumeSeconds: when,
        /** Writes each client saw the old primary acknowledge after it resumed. */
        acknowledgedByOldPrimary: z.object({ plain: z.number().int(), wait: z.number().int() }),
        writes,
      }),
    )
    .length(2),
  /** The cluster nodes started without their announce lines. */
  clusterPitfall: z.object({
    /** Whether redis-cli --cluster create finished. */
    joined: z.boolean(),
    /** How long the run let it try. */
    waitedSeconds: z.number(),
    /** The last line it printed before it was stopped. */
    lastLine: z.string(),
  }),
  /** redis-cli --cluster create. */
  clusterCreate: z.object({
    command: z.string(),
    output: z.string(),
    seconds: z.number(),
    /** From starting the six nodes to a whole cluster with every replica in sync. */
    untilWholeSeconds: z.number(),
  }),
  /** MOVED redirects and hash tags, as redis-cli shows them. */
  clusterDemo: z.object({
    key: z.string(),
    slot: z.number().int(),
    owner: z.string(),
    moved: transcript,
    followed: transcript,
    read: transcript,
    slots: z.array(transcript),
    crossSlot: transcript,
    hashTag: transcript,
  }),
  /** A cluster primary killed with SIGKILL. */
  clusterCrash: z.object({
    killed: z.string(),
    promoted: z.string(),
    pfailSeconds: when,
    failSeconds: when,
    promotedSeconds: when,
    stateOkSeconds: when,
    firstWriteSeconds: z.object({ plain: z.number(), wait: z.number() }),
    /** The longest time without an acknowledged write to the other primaries' slots. */
    otherSlotsGapSeconds: z.number(),
    writes,
    rejoinSeconds: z.number(),
  }),
  /** Whether every check passed (the file is only written then). */
  passed: z.literal(true),
  /** The whole run, in seconds. */
  totalSeconds: z.number(),
  /** Each step: what it checked and found. */
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), seconds: z.number(), detail: z.string() })),
});

export type RedisResults = z.infer<typeof redisResultsSchema>;
