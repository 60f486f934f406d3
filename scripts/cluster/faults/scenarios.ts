/**
 * The fault scenarios `npm run test:faults` runs, each on the lab's unmodified files. A scenario
 * injects one fault into a healthy cluster while the writer and the role poller record, waits for
 * the outcome it is about (bounded), and undoes the fault; the runner (run-inside.ts) then waits
 * until the cluster is whole again and checks the history against the scenario's claims.
 */
import type { ClaimId } from './claims.ts';
import type { ScenarioFacts } from './claims.ts';
import { everyoneBut, heal, isolate, partition, throttle, type NetworkPlan } from './lab-network.ts';
import { sleep } from '../wait-for.ts';

export type ScenarioGroup = 'partition' | 'pause' | 'etcd' | 'sync';

export interface ScenarioContext {
  readonly plan: NetworkPlan;
  readonly timing: { readonly ttl: number; readonly loop_wait: number; readonly retry_timeout: number };
  /** The roles when the scenario started. */
  readonly leader: string;
  readonly syncStandby: string | null;
  /** A replica that is not the synchronous standby (any replica when there is none). */
  readonly otherReplica: string;
  readonly etcdMembers: readonly string[];
  readonly etcdLeader: string;
  /** Marks t = 0 and injects the fault. */
  fault(description: string, inject: () => Promise<void>): Promise<void>;
  /** Undoes the fault and marks when. */
  end(description: string, undo: () => Promise<void>): Promise<void>;
  /** A line in the scenario's timeline. */
  log(text: string): void;
  /** Starts a named phase for the latency and throughput table. */
  phase(name: string): void;
  /** The facts so far (see claims.ts), for the waits below. */
  facts(): ScenarioFacts;
  /** Waits until `done` or the timeout; false on timeout (the claims then say what did not happen). */
  until(what: string, timeoutMs: number, done: () => boolean): Promise<boolean>;
  /** SIGSTOPs the node's Patroni and PostgreSQL processes; resumeAll() continues them. */
  pause(node: string): Promise<void>;
  resumeAll(): Promise<void>;
}

export interface ScenarioDef {
  readonly id: string;
  readonly title: string;
  readonly group: ScenarioGroup;
  readonly synchronousMode: boolean;
  readonly failsafeMode: boolean;
  /** Claims that fail the run when the outcome contradicts them. */
  readonly claims: readonly ClaimId[];
  /** Claims whose verdict is only recorded: the outcome depends on a race the harness does not control. */
  readonly observed: readonly ClaimId[];
  /** Bytes of payload per written row (0: a bare row). */
  readonly payloadBytes: number;
  readonly run: (ctx: ScenarioContext) => Promise<void>;
}

const TAKEOVER_TIMEOUT_MS = 120_000;

/** After a partition of the primary: wait for the takeover (or its absence), then heal. */
async function primaryPartition(ctx: ScenarioContext, to: readonly string[], words: string): Promise<void> {
  await ctx.fault(`cut ${ctx.leader} off from ${words}`, () =>
    partition(ctx.plan, { from: [ctx.leader], to: [...to] }),
  );
  await ctx.until(`${ctx.leader} to demote itself and another node to take writes`, TAKEOVER_TIMEOUT_MS, () => {
    const f = ctx.facts();
    return f.oldPrimaryDemotedAt !== null && f.firstWriteElsewhereAt !== null;
  });
  await sleep(3000);
  await ctx.end('heal the network', () => heal(ctx.plan));
}

function cutOffEveryone(sync: boolean): ScenarioDef {
  return {
    id: sync ? 'primary-cut-off' : 'primary-cut-off-async',
    title: 'The primary cut off from everyone',
    group: 'partition',
    synchronousMode: sync,
    failsafeMode: false,
    claims: ['self-fencing', 'demotes-before-expiry', 'no-split-brain', sync ? 'sync-no-loss' : 'async-loss-bounded'],
    observed: [],
    payloadBytes: 0,
    run: (ctx) =>
      primaryPartition(ctx, everyoneBut(ctx.plan, [ctx.leader]), 'every other host (etcd, replicas, HAProxy)'),
  };
}

function cutFromEtcd(sync: boolean): ScenarioDef {
  return {
    id: sync ? 'primary-cut-from-etcd' : 'primary-cut-from-etcd-async',
    title: 'The primary cut off from etcd, still reaching its replicas and clients',
    group: 'partition',
    synchronousMode: sync,
    failsafeMode: false,
    claims: ['self-fencing', 'demotes-before-expiry', 'no-split-brain', sync ? 'sync-no-loss' : 'async-loss-bounded'],
    observed: [],
    payloadBytes: 0,
    run: (ctx) => primaryPartition(ctx, ctx.etcdMembers, 'the three etcd members'),
  };
}

function isolatedWithClients(sync: boolean): ScenarioDef {
  return {
    id: sync ? 'primary-isolated-with-clients' : 'primary-isolated-with-clients-async',
    title: 'The primary cut off from etcd and its replicas, still reached by clients',
    group: 'partition',
    synchronousMode: sync,
    failsafeMode: false,
    claims: ['self-fencing', 'demotes-before-expiry', 'no-split-brain', sync ? 'sync-no-loss' : 'async-loss-bounded'],
    observed: [],
    payloadBytes: 0,
    run: (ctx) =>
      primaryPartition(
        ctx,
        everyoneBut(ctx.plan, [ctx.leader, 'client']),
        'etcd and the replicas (HAProxy still reaches it)',
      ),
  };
}

function pausedPrimary(sync: boolean): ScenarioDef {
  return {
    id: sync ? 'primary-paused' : 'primary-paused-async',
    title: 'The primary paused for longer than ttl, then resumed',
    group: 'pause',
    synchronousMode: sync,
    failsafeMode: false,
    // What must happen while the primary is frozen is deterministic and gates the run. What happens
    // after the resume is a race: Patroni 3.0.2's etcd3 _update_leader writes the key with a plain
    // put when its lease changed, so the resumed primary can take the key back from the promoted
    // replica, which steps down and loses the writes it acknowledged (seen with synchronous_mode on
    // and off). Whether it does depends on where in its HA cycle the pause landed: observed only.
    claims: ['frozen-primary-replaced'],
    observed: ['no-split-brain', sync ? 'sync-no-loss' : 'async-loss-bounded'],
    payloadBytes: 0,
    run: async (ctx) => {
      const pauseMs = (ctx.timing.ttl + 10) * 1000;
      const started = Date.now();
      await ctx.fault(`pause ${ctx.leader}: SIGSTOP to its Patroni and every PostgreSQL process`, () =>
        ctx.pause(ctx.leader),
      );
      await ctx.until(
        'another node to take writes',
        TAKEOVER_TIMEOUT_MS,
        () => ctx.facts().firstWriteElsewhereAt !== null,
      );
      await sleep(Math.max(0, pauseMs - (Date.now() - started)));
      await ctx.end(`resume ${ctx.leader} (SIGCONT)`, () => ctx.resumeAll());
      await ctx.until(
        `${ctx.leader} to notice and demote itself`,
        60_000,
        () => ctx.facts().oldPrimaryDemotedAt !== null,
      );
      await sleep(3000);
    },
  };
}

const replicaCutOff: ScenarioDef = {
  id: 'replica-cut-off',
  title: 'A replica cut off from everyone',
  group: 'partition',
  synchronousMode: true,
  failsafeMode: false,
  claims: ['no-split-brain', 'sync-no-loss'],
  observed: [],
  payloadBytes: 0,
  run: async (ctx) => {
    await ctx.fault(`cut ${ctx.otherReplica} (not the synchronous standby) off from every other host`, () =>
      isolate(ctx.plan, ctx.otherReplica),
    );
    // Longer than ttl, so that its member key expires and the others see it gone.
    await sleep((ctx.timing.ttl + 5) * 1000);
    await ctx.end('heal the network', () => heal(ctx.plan));
  },
};

const etcdMemberLost: ScenarioDef = {
  id: 'etcd-member-lost',
  title: "etcd's leader member lost (one of three)",
  group: 'etcd',
  synchronousMode: true,
  failsafeMode: false,
  claims: ['etcd-survives-one', 'no-split-brain', 'sync-no-loss'],
  observed: [],
  payloadBytes: 0,
  run: async (ctx) => {
    await ctx.fault(`cut ${ctx.etcdLeader}, etcd's Raft leader, off from every other host`, () =>
      isolate(ctx.plan, ctx.etcdLeader),
    );
    // A whole ttl and more: long enough for the leader key to expire if nobody could renew it.
    await sleep((ctx.timing.ttl + 5) * 1000);
    await ctx.end('heal the network', () => heal(ctx.plan));
  },
};

function quorumLost(failsafe: boolean): ScenarioDef {
  return {
    id: failsafe ? 'etcd-quorum-lost-failsafe' : 'etcd-quorum-lost',
    title: failsafe ? 'Two of three etcd members lost, failsafe_mode on' : 'Two of three etcd members lost',
    group: 'etcd',
    synchronousMode: true,
    failsafeMode: failsafe,
    claims: [failsafe ? 'failsafe-keeps-primary' : 'quorum-loss-refuses-writes', 'no-split-brain', 'sync-no-loss'],
    observed: [],
    payloadBytes: 0,
    run: async (ctx) => {
      const lost = [ctx.etcdLeader, ctx.etcdMembers.find((m) => m !== ctx.etcdLeader) ?? ''];
      await ctx.fault(`cut ${lost.join(' and ')} off from every other host: etcd has no majority`, async () => {
        for (const m of lost) await isolate(ctx.plan, m);
      });
      const { loop_wait: loopWait, retry_timeout: retryTimeout } = ctx.timing;
      // Long enough for a leader that cannot reach etcd to have demoted itself, then 10 s more.
      const outageMs = (loopWait + retryTimeout + 15) * 1000;
      const started = Date.now();
      if (!failsafe) {
        await ctx.until(`${ctx.leader} to demote itself`, 90_000, () => ctx.facts().oldPrimaryDemotedAt !== null);
        await sleep(10_000);
      }
      await sleep(Math.max(0, outageMs - (Date.now() - started)));
      await ctx.end('heal the network: etcd has its majority back', () => heal(ctx.plan));
    },
  };
}

const syncStandbyThrottled: ScenarioDef = {
  id: 'sync-standby-throttled-then-cut',
  title: "The synchronous standby's link throttled, then cut",
  group: 'sync',
  synchronousMode: true,
  failsafeMode: false,
  claims: ['sync-standby-replaced', 'sync-no-loss', 'no-split-brain'],
  observed: [],
  payloadBytes: 8192,
  run: async (ctx) => {
    const standby = ctx.syncStandby;
    if (!standby) throw new Error('no synchronous standby to throttle');
    ctx.phase('full speed');
    await sleep(8000);
    await ctx.fault(`limit ${standby}'s link to 64 kbit/s each way (tc tbf)`, () =>
      throttle(ctx.plan, { host: standby, rate: '64kbit', burst: '16kb', latency: '2s' }),
    );
    ctx.phase('throttled to 64 kbit/s');
    await sleep(15_000);
    await isolate(ctx.plan, standby);
    ctx.log(`cut ${standby} off from every other host`);
    ctx.phase('cut off');
    const cutAt = Date.now();
    await ctx.until('Patroni to name another synchronous standby', TAKEOVER_TIMEOUT_MS, () => {
      const f = ctx.facts();
      return f.syncStandbyMovedAt !== null;
    });
    ctx.phase('another synchronous standby');
    ctx.log(`${((Date.now() - cutAt) / 1000).toFixed(1)} s after the cut`);
    await sleep(5000);
    await ctx.end('heal the network', () => heal(ctx.plan));
  },
};

/** In the order they run: synchronous_mode on first, then failsafe_mode, then asynchronous. */
export const SCENARIOS: readonly ScenarioDef[] = [
  cutOffEveryone(true),
  cutFromEtcd(true),
  isolatedWithClients(true),
  pausedPrimary(true),
  replicaCutOff,
  syncStandbyThrottled,
  etcdMemberLost,
  quorumLost(false),
  quorumLost(true),
  cutOffEveryone(false),
  cutFromEtcd(false),
  isolatedWithClients(false),
  pausedPrimary(false),
];
