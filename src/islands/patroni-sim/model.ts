/**
 * A deterministic, tick-based model of a Patroni cluster: database nodes running Patroni's HA loop,
 * an etcd cluster holding the leader key, and HAProxy following the node whose REST API answers
 * 200 on /primary. Every random choice comes from a seeded generator, so a seed and a list of
 * actions replay the same run exactly, in the browser and in the tests.
 *
 * The rules, and where they come from (Patroni 3.0, the lab's version; patroni/ha.py, __main__.py,
 * dcs/etcd3.py; https://patroni.readthedocs.io/en/latest/):
 *
 * - The leader key is attached to an etcd lease of `ttl` seconds. The leader renews it once per HA
 *   cycle; etcd deletes the key when the lease runs out. etcd's leader checks for expired leases every
 *   500 ms (lessor runLoop), so deletion comes 0-0.5 s after expiry; without a majority etcd has no
 *   leader and no lease expires; a newly elected etcd leader restarts every lease with its full TTL
 *   plus one election timeout (lessor Promote, called with the election timeout once the new leader
 *   has applied its first entry; server/etcdserver/server.go, applyEntryNormal). Lease checkpoints,
 *   which would keep the remaining TTL, are off by default and never cover leases shorter than
 *   their 5-minute interval.
 * - Each node runs its HA cycle every `loop_wait` seconds from a phase of its own. A change of the
 *   leader key wakes every node that can reach etcd at once (Patroni's etcd3 watch), and its next
 *   cycles are counted from then.
 * - A cycle first reads the cluster from etcd. If etcd cannot be reached, Patroni retries for up to
 *   `retry_timeout` seconds; then a primary demotes itself (PostgreSQL restarts read-only), and a
 *   replica just carries on. Patroni 3.0 hands that demotion to a background thread, but its next HA
 *   cycle starts at once and holds the same lock while it retries etcd again (ha.py run_cycle,
 *   _handle_dcs_error), so which runs first is a thread race: the demotion comes either at once or
 *   one more retry_timeout later. The lab's fault tests measured both (npm run test:faults).
 * - With no leader key, a node joins the leader race only if it is healthy: PostgreSQL running, not
 *   tagged nofailover, not lagging more than `maximum_lag_on_failover` bytes behind the last WAL
 *   position the leader wrote to etcd, and, with `synchronous_mode`, only if it is the synchronous
 *   standby named in etcd. It asks every other member over REST (2 s timeout, a stopped node refuses at
 *   once) and backs off if one is a running primary or has received more WAL. Then it creates the key
 *   with a compare-and-swap: exactly one node wins, and it promotes PostgreSQL.
 * - A node that finds another node's name in the key while running as primary demotes itself.
 * - HAProxy checks every node every `inter`; `rise` consecutive successes mark a node up, `fall`
 *   failures mark it down. A check succeeds only on a running primary that holds the lock; a node cut
 *   off the network never accepts the check's connection, so its check fails when the connect timeout
 *   for checks runs out: min(`timeout connect`, `inter`) when `timeout check` is set (HAProxy manual).
 *
 * Time is in milliseconds and advances in ticks of TICK_MS. This file is shipped to the browser: keep
 * it free of Node APIs and of dependencies.
 */
import { assertValidParams, type SimParams } from './params.ts';
import { createRandom, type Random } from './random.ts';

/** One step of simulated time. */
export const TICK_MS = 100;
/** etcd's leader looks for expired leases this often (etcd server/lease/lessor.go, runLoop). */
export const LEASE_SWEEP_MS = 500;
/**
 * From a node waking up with no leader key to its compare-and-swap landing in etcd: the watch
 * notification, its REST calls to the other members (run in parallel) and the transaction itself.
 */
export const RACE_MS = [0, 500] as const;
/** Patroni's timeout for asking another member for its status during the race (ha.py, fetch_node_status). */
export const REST_TIMEOUT_MS = 2000;
/** From `pg_ctl promote` to PostgreSQL answering as a read-write primary. */
export const PROMOTE_MS = [300, 1500] as const;
/** A clean shutdown for a switchover: a checkpoint, then a fast stop. */
export const DEMOTE_MS = [1000, 2000] as const;
/** Starting Patroni and PostgreSQL again after a crash (crash recovery included). */
export const START_MS = [2000, 4000] as const;
/** pg_rewind of a former primary before it can follow the new one. */
export const REWIND_MS = [2000, 4000] as const;
/** Client writes arriving at the primary, as WAL bytes per second. */
export const WAL_BYTES_PER_S = 262144;
/** An asynchronous replica that keeps up is behind by up to this many bytes at any moment. */
export const REPLICA_JITTER_BYTES = 49152;
/** A replica marked slow receives WAL at this fraction of the rate it is written. */
export const SLOW_FACTOR = 0.25;

export type PgRole = 'primary' | 'replica' | 'stopped' | 'starting' | 'promoting' | 'demoting';

export interface SimNode {
  readonly name: string;
  readonly nofailover: boolean;
  readonly nosync: boolean;
  /** Patroni and PostgreSQL processes alive. */
  running: boolean;
  /** Cut off the network: reaches neither etcd, nor the other nodes, nor HAProxy. */
  cut: boolean;
  /** Receives WAL slowly (a slow disk or link), so its lag grows. */
  slow: boolean;
  pg: PgRole;
  /** WAL position in bytes: written (primary) or received (replica). */
  wal: number;
  timeline: number;
  /** The node a replica streams from, as far as it knows. */
  upstream: string | null;
  nextCycle: number;
  cycleStart: number;
  /** While set, the node is retrying etcd until this time. */
  retryUntil: number | null;
  /** While set, a primary that gave up on etcd demotes itself at this time (see the rules above). */
  demoteAt: number | null;
  /** While set, the node has decided to take the free leader key and will try at this time. */
  acquireAt: number | null;
  /** End of a long action (promote, demote, start, rewind). */
  busyUntil: number | null;
  /** Patroni's own view: it holds the lock until this time (last successful write + ttl). */
  leaderUntil: number;
  /** Must be rewound before it can follow another primary (it was primary on an older timeline). */
  rewind: boolean;
  /** Last reason it stayed out of a race or could not reach etcd, so the log says it once. */
  note: string;
}

export interface EtcdMember {
  readonly name: string;
  up: boolean;
}

export interface ProxyServer {
  up: boolean;
  ok: number;
  fail: number;
  nextCheck: number;
  /** A check to a node that does not answer, failing at this time. */
  pendingUntil: number | null;
}

export interface SimEvent {
  readonly t: number;
  readonly text: string;
  /** Worth announcing to a screen reader (the live region skips the rest). */
  readonly important: boolean;
}

export type SimAction =
  | { readonly type: 'crash' | 'restart' | 'cut' | 'reconnect'; readonly node: string }
  /** The host that runs `node` and etcd `member` goes down: both die at once. */
  | { readonly type: 'host-down'; readonly node: string; readonly member: string }
  | { readonly type: 'slow'; readonly node: string; readonly slow: boolean }
  | { readonly type: 'etcd-stop' | 'etcd-start'; readonly member: string }
  | { readonly type: 'heal' }
  | { readonly type: 'switchover'; readonly to?: string };

/** A failover caused by the reader breaking the primary, and when each step happened. */
export interface FailoverRecord {
  /** `host`: the primary's host went down together with an etcd member on it. */
  readonly cause: 'crash' | 'cut' | 'host';
  /** The etcd leader went down with it, so the leader key's lease was restarted by the next one. */
  readonly etcdLeaderLost: boolean;
  readonly from: string;
  readonly at: number;
  to: string | null;
  /** When another node held the leader key. */
  lockAt: number | null;
  /** When HAProxy marked the new primary up. */
  routedAt: number | null;
}

/** Patroni's leader key in etcd, on its holder's lease. */
export interface LeaderKey {
  readonly holder: string;
  /** When etcd deletes it unless renewed. */
  expires: number;
  /** When its holder last renewed it (or created it). */
  renewedAt: number;
  /** When a newly elected etcd leader last restarted its lease, if after the last renewal. */
  restartedAt: number | null;
}

export interface ActionResult {
  readonly ok: boolean;
  readonly message: string;
}

const KIB = 1024;
const MIB = 1024 * 1024;

/** "12 KiB", "1.4 MiB". */
export function formatBytes(bytes: number): string {
  const b = Math.max(0, Math.round(bytes));
  if (b < KIB) return `${b} B`;
  if (b < MIB) return `${Math.round(b / KIB)} KiB`;
  return `${(b / MIB).toFixed(1)} MiB`;
}

/** What happened to the failed primary, in words: "crashed", "was cut off", "lost its host". */
export function causeWords(f: Pick<FailoverRecord, 'cause'>): string {
  return { crash: 'crashed', cut: 'was cut off', host: 'went down with its host' }[f.cause];
}

/** "31.2 s". */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export class Simulation {
  readonly params: SimParams;
  readonly seed: number;
  t = 0;
  readonly nodes: SimNode[];
  readonly etcd: EtcdMember[];
  etcdLeader: string | null;
  electionAt: number | null = null;
  leaderKey: LeaderKey | null;
  syncKey: { leader: string; standby: string | null } | null = null;
  /** The leader's WAL position as last written to etcd (Patroni's /optime/leader key). */
  optime: number;
  switchover: { from: string; to: string } | null = null;
  readonly proxy: ProxyServer[];
  readonly events: SimEvent[] = [];
  failover: FailoverRecord | null = null;
  readonly sweepPhase: number;
  private readonly rng: Random;
  private route: string | null;

  constructor(params: SimParams, seed: number) {
    this.params = assertValidParams(params);
    this.seed = seed;
    this.rng = createRandom(seed);
    const loop = params.loop_wait * 1000;
    const startWal = 16 * MIB;
    this.nodes = params.nodes.map((p, i) => ({
      name: p.name,
      nofailover: p.nofailover,
      nosync: p.nosync,
      running: true,
      cut: false,
      slow: false,
      pg: i === 0 ? 'primary' : 'replica',
      wal: i === 0 ? startWal : startWal - this.rng.int(0, REPLICA_JITTER_BYTES),
      timeline: 1,
      upstream: i === 0 ? null : (params.nodes[0]?.name ?? null),
      // Each node's HA loop has its own phase: its first cycle comes some time within loop_wait.
      nextCycle: this.rng.int(1, loop / TICK_MS) * TICK_MS,
      cycleStart: 0,
      retryUntil: null,
      demoteAt: null,
      acquireAt: null,
      busyUntil: null,
      leaderUntil: 0,
      rewind: false,
      note: '',
    }));
    const first = this.node(params.nodes[0]?.name ?? '');
    // The story starts as the first node has just written the leader key; its HA loop then runs on its
    // own phase, like every other node's.
    this.leaderKey = { holder: first.name, expires: params.ttl * 1000, renewedAt: 0, restartedAt: null };
    first.leaderUntil = this.leaderKey.expires;
    this.optime = first.wal;
    this.etcd = params.etcd.map((name) => ({ name, up: true }));
    this.etcdLeader = params.etcd[this.rng.int(0, params.etcd.length - 1)] ?? null;
    this.sweepPhase = this.rng.int(0, LEASE_SWEEP_MS / TICK_MS - 1) * TICK_MS;
    if (params.synchronous_mode) {
      const standby = this.nodes.find((n) => n !== first && !n.nosync);
      this.syncKey = { leader: first.name, standby: standby?.name ?? null };
      if (standby) standby.wal = first.wal;
    }
    const { interMs, rise, fall } = params.haproxy;
    this.proxy = this.nodes.map((n) => ({
      up: n === first,
      ok: n === first ? rise : 0,
      fail: n === first ? 0 : fall,
      nextCheck: this.rng.int(1, Math.max(1, Math.round(interMs / TICK_MS))) * TICK_MS,
      pendingUntil: null,
    }));
    this.route = first.name;
    const replicas = this.nodes.filter((n) => n !== first).map((n) => n.name);
    this.log(
      `${first.name} is the primary: it holds the leader key in etcd and renews it every loop_wait (${params.loop_wait} s); ` +
        `the key would expire ttl (${params.ttl} s) after a renewal. ${replicas.join(' and ')} stream WAL from it` +
        (this.syncKey?.standby ? `, and ${this.syncKey.standby} is its synchronous standby.` : '.'),
      false,
    );
  }

  // ---- Queries -------------------------------------------------------------------------------

  node(name: string): SimNode {
    const found = this.nodes.find((n) => n.name === name);
    if (!found) throw new Error(`No node named "${name}" in this simulation.`);
    return found;
  }

  /** Members needed for a majority: more than half of all members, up or down. */
  get majority(): number {
    return Math.floor(this.etcd.length / 2) + 1;
  }

  get etcdUp(): number {
    return this.etcd.filter((m) => m.up).length;
  }

  /** etcd serves reads and writes only with an elected leader, which needs a majority. */
  get dcsAvailable(): boolean {
    return this.etcdLeader !== null;
  }

  canReachDcs(n: SimNode): boolean {
    return n.running && !n.cut && this.dcsAvailable;
  }

  /** Patroni's REST API answers 200 on /primary: a running primary that holds the lock. */
  answersPrimary(n: SimNode): boolean {
    return n.running && n.pg === 'primary' && n.leaderUntil > this.t;
  }

  /** The node HAProxy sends writes to, or null. */
  get routeTarget(): string | null {
    const index = this.proxy.findIndex((s) => s.up);
    return index < 0 ? null : (this.nodes[index]?.name ?? null);
  }

  /** The running primary a replica can stream from, if any. */
  get primary(): SimNode | undefined {
    return this.nodes.find((n) => n.running && (n.pg === 'primary' || n.pg === 'demoting'));
  }

  /** How far a node is behind the newest WAL in the cluster. */
  lagOf(n: SimNode): number {
    const newest = this.primary?.wal ?? Math.max(...this.nodes.map((m) => m.wal));
    return Math.max(0, newest - n.wal);
  }

  /** Whether client writes commit right now, and if not, why. */
  get writes(): 'ok' | 'waiting for the synchronous standby' | 'refused' {
    const target = this.routeTarget;
    const p = target === null ? undefined : this.node(target);
    if (!p || p.cut || !this.answersPrimary(p)) return 'refused';
    return this.syncBlocked(p) ? 'waiting for the synchronous standby' : 'ok';
  }

  // ---- Driving the simulation -------------------------------------------------------------------

  /** Advances one tick; returns the events it produced. */
  step(): SimEvent[] {
    const from = this.events.length;
    this.t += TICK_MS;
    this.etcdTick();
    this.walTick();
    this.asyncTick();
    this.haTick();
    this.proxyTick();
    this.measure();
    return this.events.slice(from);
  }

  /** Advances by `ms` (rounded up to whole ticks); returns the events produced. */
  run(ms: number): SimEvent[] {
    const from = this.events.length;
    const end = this.t + ms;
    while (this.t < end) this.step();
    return this.events.slice(from);
  }

  /** Runs until `done` is true or `limitMs` passes; returns whether `done` became true. */
  runUntil(done: (sim: Simulation) => boolean, limitMs = 600_000): boolean {
    const end = this.t + limitMs;
    while (this.t < end) {
      if (done(this)) return true;
      this.step();
    }
    return done(this);
  }

  /** Applies a reader's action at the current time. */
  apply(action: SimAction): ActionResult {
    switch (action.type) {
      case 'crash':
        return this.crash(this.node(action.node));
      case 'host-down':
        return this.hostDown(this.node(action.node), this.member(action.member));
      case 'restart':
        return this.restart(this.node(action.node));
      case 'cut':
        return this.cut(this.node(action.node));
      case 'reconnect':
        return this.reconnect(this.node(action.node));
      case 'heal': {
        const cut = this.nodes.filter((n) => n.cut);
        if (cut.length === 0) return this.reject('No node is cut off the network.');
        for (const n of cut) n.cut = false;
        return this.accept(
          `You healed the network: ${cut.map((n) => n.name).join(' and ')} can reach the others again.`,
        );
      }
      case 'slow': {
        const n = this.node(action.node);
        n.slow = action.slow;
        return this.accept(
          action.slow
            ? `You slowed down ${n.name}'s replication: ${n.pg === 'primary' ? 'once it is a replica, it' : 'it'} receives WAL at a quarter of the rate the primary writes it, so its lag grows.`
            : `${n.name} receives WAL at full speed again and catches up.`,
        );
      }
      case 'etcd-stop':
        return this.etcdStop(action.member);
      case 'etcd-start':
        return this.etcdStart(action.member);
      case 'switchover':
        return this.requestSwitchover(action.to);
    }
  }

  // ---- Actions --------------------------------------------------------------------------------

  private accept(message: string): ActionResult {
    this.log(message, true);
    return { ok: true, message };
  }

  private reject(message: string): ActionResult {
    return { ok: false, message };
  }

  private crash(n: SimNode): ActionResult {
    if (!n.running) return this.reject(`${n.name} is already stopped.`);
    return this.accept(
      `You crashed ${n.name}: Patroni and PostgreSQL are killed at once.${this.kill(n, 'crash', false)}`,
    );
  }

  /**
   * A power cut of a host that runs both a database node and an etcd member (the usual layout of
   * three hosts, each with one of each). When that member is etcd's leader, the leader key's lease is
   * restarted by the next etcd leader: the failover waits for ttl after the election, not after the
   * crashed primary's last renewal.
   */
  private hostDown(n: SimNode, m: EtcdMember): ActionResult {
    if (!n.running && !m.up) return this.reject(`${n.name} and ${m.name} are already stopped.`);
    const wasLeader = this.etcdLeader === m.name;
    const etcd = m.up ? ` ${this.stopMember(m)}` : ` ${m.name} was already stopped.`;
    const node = n.running ? this.kill(n, 'host', wasLeader) : ` ${n.name} was already stopped.`;
    return this.accept(
      `You took down the host that runs ${n.name} and ${m.name}${wasLeader ? ', the etcd leader' : ''}: ` +
        `Patroni, PostgreSQL and etcd die at once.${etcd}${node}`,
    );
  }

  /** Kills a node's Patroni and PostgreSQL; returns what becomes of the leader key, in words. */
  private kill(n: SimNode, cause: 'crash' | 'host', etcdLeaderLost: boolean): string {
    const holder = this.leaderKey?.holder === n.name;
    const wasPrimary = n.pg === 'primary' || n.pg === 'promoting' || n.pg === 'demoting' || holder;
    Object.assign(n, { running: false, pg: 'stopped', upstream: null, acquireAt: null, busyUntil: null });
    Object.assign(n, { retryUntil: null, demoteAt: null, leaderUntil: 0, note: '' });
    if (wasPrimary) {
      n.rewind = true;
      this.failover = { cause, etcdLeaderLost, from: n.name, at: this.t, to: null, lockAt: null, routedAt: null };
    }
    if (!holder || !this.leaderKey) return '';
    if (this.etcdLeader === null && this.etcdUp >= this.majority) {
      return (
        ` Nobody renews the leader key now, but it does not expire at t=${formatSeconds(this.leaderKey.expires)}:` +
        ` etcd's next leader will restart its lease, so it lives ttl (${this.params.ttl} s) past the election.`
      );
    }
    return ` Nobody renews the leader key now: etcd will delete it when its lease runs out, at about t=${formatSeconds(this.leaderKey.expires)}.`;
  }

  private restart(n: SimNode): ActionResult {
    if (n.running) return this.reject(`${n.name} is already running.`);
    Object.assign(n, { running: true, pg: 'starting', busyUntil: this.t + this.duration(START_MS) });
    Object.assign(n, { nextCycle: this.t + TICK_MS, note: '' });
    return this.accept(`You restarted ${n.name}: Patroni starts and brings PostgreSQL up.`);
  }

  private cut(n: SimNode): ActionResult {
    if (n.cut) return this.reject(`${n.name} is already cut off.`);
    n.cut = true;
    const primary = n.pg === 'primary' || this.leaderKey?.holder === n.name;
    if (primary && n.running) {
      this.failover = {
        cause: 'cut',
        etcdLeaderLost: false,
        from: n.name,
        at: this.t,
        to: null,
        lockAt: null,
        routedAt: null,
      };
    }
    return this.accept(
      `You cut ${n.name} off the network: it cannot reach etcd, the other nodes or HAProxy.` +
        (primary && n.running ? ' It still runs as primary until it gives up on etcd.' : ''),
    );
  }

  private reconnect(n: SimNode): ActionResult {
    if (!n.cut) return this.reject(`${n.name} is not cut off.`);
    n.cut = false;
    return this.accept(`You reconnected ${n.name} to the network.`);
  }

  private etcdStop(name: string): ActionResult {
    const m = this.member(name);
    if (!m.up) return this.reject(`${name} is already stopped.`);
    return this.accept(`You stopped ${name}. ${this.stopMember(m)}`);
  }

  /** Stops an etcd member; returns what that does to etcd, in words. */
  private stopMember(m: EtcdMember): string {
    m.up = false;
    const text = `${this.etcdUp} of ${this.etcd.length} etcd members are up.`;
    if (this.etcdUp < this.majority) {
      this.etcdLeader = null;
      this.electionAt = null;
      return `${text} That is less than a majority (${this.majority}): etcd refuses every read and write, so nobody can renew or take the leader key.`;
    }
    if (this.etcdLeader === m.name) {
      this.etcdLeader = null;
      // Raft randomises each follower's election timeout between 1x and 2x the setting; the first to
      // run out, counted from the last heartbeat, starts the election.
      const timeout = this.params.etcdElectionMs;
      this.electionAt = this.t + this.duration([timeout, 2 * timeout]);
      return `${text} ${m.name} was the etcd leader: the others elect a new one after their election timeout.`;
    }
    return `${text} A majority remains, so etcd keeps working.`;
  }

  private etcdStart(name: string): ActionResult {
    const m = this.member(name);
    if (m.up) return this.reject(`${name} is already running.`);
    m.up = true;
    return this.accept(`You started ${name}; ${this.etcdUp} of ${this.etcd.length} etcd members are up.`);
  }

  private requestSwitchover(to: string | undefined): ActionResult {
    const holder = this.leaderKey?.holder;
    const leader = holder === undefined ? undefined : this.node(holder);
    if (!leader || !this.canReachDcs(leader) || leader.pg !== 'primary') {
      return this.reject('A switchover needs a running primary that holds the leader key and can reach etcd.');
    }
    if (this.switchover) return this.reject('A switchover is already in progress.');
    const candidates = this.nodes.filter((n) => n !== leader && this.streaming(n) && !n.nofailover);
    let target: SimNode | undefined;
    if (this.params.synchronous_mode) {
      const standby = this.syncKey?.standby ?? null;
      if (to !== undefined && to !== standby) {
        return this.reject(`In synchronous mode only the synchronous standby (${standby ?? 'none'}) can take over.`);
      }
      target = candidates.find((n) => n.name === standby);
    } else {
      target =
        to === undefined ? [...candidates].sort((a, b) => b.wal - a.wal)[0] : candidates.find((n) => n.name === to);
    }
    if (!target) {
      return this.reject(
        to === undefined
          ? 'No healthy replica can take over: a switchover needs a streaming replica that may be promoted.'
          : `${to} cannot take over: it must be a running, streaming replica that may be promoted.`,
      );
    }
    this.switchover = { from: leader.name, to: target.name };
    // patronictl asks the leader's REST API, which wakes the leader's HA loop at once.
    leader.nextCycle = this.t;
    return this.accept(`You asked for a switchover from ${leader.name} to ${target.name} (patronictl switchover).`);
  }

  private member(name: string): EtcdMember {
    const m = this.etcd.find((e) => e.name === name);
    if (!m) throw new Error(`No etcd member named "${name}".`);
    return m;
  }

  // ---- One tick -------------------------------------------------------------------------------

  private etcdTick(): void {
    if (this.etcdUp < this.majority) {
      if (this.etcdLeader !== null) this.etcdLeader = null;
      this.electionAt = null;
      return;
    }
    if (this.etcdLeader === null) {
      const timeout = this.params.etcdElectionMs;
      // Raft randomises each member's election timeout between 1x and 2x the setting.
      this.electionAt ??= this.t + this.duration([timeout, 2 * timeout]);
      if (this.t < this.electionAt) return;
      const up = this.etcd.filter((m) => m.up);
      this.etcdLeader = up[this.rng.int(0, up.length - 1)]?.name ?? null;
      this.electionAt = null;
      // A new etcd leader restarts every lease with its full TTL, plus one election timeout (lessor
      // Promote): it cannot know when the old leader last saw a renewal.
      if (this.leaderKey) {
        this.leaderKey.expires = this.t + this.params.ttl * 1000 + this.params.etcdElectionMs;
        this.leaderKey.restartedAt = this.t;
      }
      this.log(
        `etcd elected ${this.etcdLeader} as its leader and works again. It restarts every lease with its full TTL plus one election timeout` +
          (this.leaderKey
            ? `: the leader key (${this.leaderKey.holder}) now expires at t=${formatSeconds(this.leaderKey.expires)}.`
            : '.'),
        true,
      );
      this.wakeAll();
      return;
    }
    const key = this.leaderKey;
    if (key && this.t >= key.expires && this.t % LEASE_SWEEP_MS === this.sweepPhase) {
      this.leaderKey = null;
      const history =
        key.restartedAt === null
          ? `${key.holder} last renewed it at t=${formatSeconds(key.renewedAt)}`
          : `${key.holder} last renewed it at t=${formatSeconds(key.renewedAt)}, and etcd's new leader restarted it at t=${formatSeconds(key.restartedAt)}`;
      this.log(
        `The leader key's lease ran out (${history}): etcd deleted the key, and every node watching it wakes up.`,
        true,
      );
      this.wakeAll();
    }
  }

  private walTick(): void {
    const p = this.primary;
    // Clients write only through HAProxy, so only to the primary it routes to.
    const writing =
      p !== undefined &&
      !p.cut &&
      p.pg === 'primary' &&
      this.routeTarget === p.name &&
      this.answersPrimary(p) &&
      !this.syncBlocked(p);
    if (p && writing) {
      const standby = this.syncStandbyOf(p);
      const rate = standby?.slow ? WAL_BYTES_PER_S * SLOW_FACTOR : WAL_BYTES_PER_S;
      p.wal += Math.round((rate * TICK_MS) / 1000);
    }
    for (const n of this.nodes) {
      if (!p || n === p || !this.streaming(n)) continue;
      n.timeline = p.timeline;
      if (n.slow) n.wal = Math.min(p.wal, n.wal + Math.round((WAL_BYTES_PER_S * SLOW_FACTOR * TICK_MS) / 1000));
      // While writes flow, an asynchronous replica is behind by what is in flight; once they stop (a
      // clean shutdown for a switchover, say), it receives everything.
      else if (writing && this.syncStandbyOf(p) !== n)
        n.wal = Math.max(n.wal, p.wal - this.rng.int(0, REPLICA_JITTER_BYTES));
      else n.wal = p.wal;
    }
  }

  private asyncTick(): void {
    for (const n of this.nodes) {
      if (!n.running || n.busyUntil === null || this.t < n.busyUntil) continue;
      if (n.pg === 'promoting') {
        n.busyUntil = null;
        n.pg = 'primary';
        n.timeline += 1;
        this.optime = n.wal;
        if (this.params.synchronous_mode) this.syncKey = { leader: n.name, standby: null };
        this.log(
          `${n.name} finished promoting: PostgreSQL leaves recovery and accepts writes on timeline ${n.timeline}.`,
          true,
        );
      } else if (n.pg === 'demoting') {
        n.busyUntil = null;
        n.pg = 'replica';
        n.leaderUntil = 0;
        n.upstream = this.switchover?.to ?? null;
        if (this.leaderKey?.holder === n.name && this.canReachDcs(n)) {
          this.leaderKey = null;
          this.log(
            `${n.name} stopped PostgreSQL cleanly and released the leader key for ${n.upstream ?? 'the candidate'}.`,
            true,
          );
          this.wakeAll();
        }
      } else if (n.pg === 'starting') {
        // Patroni waits for etcd before it decides how to start PostgreSQL.
        if (!this.canReachDcs(n)) continue;
        n.busyUntil = null;
        const holder = this.leaderKey?.holder;
        if (holder === n.name) {
          n.pg = 'primary';
          n.rewind = false;
          this.renew(n);
          if (this.failover?.from === n.name && this.failover.lockAt === null) this.failover = null;
          this.log(
            `${n.name} is back and still holds the leader key: it starts PostgreSQL as the primary again, with no failover.`,
            true,
          );
        } else {
          n.pg = 'replica';
          n.upstream = holder ?? null;
          if (n.rewind && holder) {
            n.rewind = false;
            n.wal = Math.min(n.wal, this.node(holder).wal);
            this.log(`${n.name} rewound its data to ${holder}'s timeline and rejoins as a replica.`, true);
          } else {
            this.log(`${n.name} is running again as a replica${holder ? ` of ${holder}` : ''}.`, true);
          }
        }
      }
    }
  }

  private haTick(): void {
    for (const n of this.nodes) {
      if (!n.running) continue;
      if (n.demoteAt !== null && this.t >= n.demoteAt) {
        n.demoteAt = null;
        this.demoteForDcs(n);
      }
      if (n.acquireAt !== null && this.t >= n.acquireAt) this.tryAcquire(n);
      if (n.retryUntil !== null) {
        if (this.canReachDcs(n)) {
          n.retryUntil = null;
          this.cycle(n);
        } else if (this.t >= n.retryUntil) {
          n.retryUntil = null;
          this.dcsFailed(n);
          this.schedule(n);
        }
      } else if (this.t >= n.nextCycle) {
        n.cycleStart = this.t;
        if (this.canReachDcs(n)) this.cycle(n);
        else {
          n.retryUntil = this.t + this.params.retry_timeout * 1000;
          this.noteOnce(
            n,
            `${n.name} cannot reach etcd; it retries for up to retry_timeout (${this.params.retry_timeout} s).`,
            n.pg === 'primary',
          );
        }
      }
    }
  }

  private proxyTick(): void {
    const { interMs, timeoutMs, rise, fall } = this.params.haproxy;
    this.nodes.forEach((n, i) => {
      const s = this.proxy[i];
      if (!s) return;
      let ok: boolean;
      if (s.pendingUntil !== null) {
        if (this.t < s.pendingUntil) return;
        s.pendingUntil = null;
        ok = false;
      } else {
        if (this.t < s.nextCheck) return;
        if (n.cut) {
          s.pendingUntil = this.t + timeoutMs;
          return;
        }
        ok = this.answersPrimary(n);
      }
      s.nextCheck = this.t + interMs;
      if (ok) {
        s.ok += 1;
        s.fail = 0;
        if (!s.up && s.ok >= rise) s.up = true;
      } else {
        s.fail += 1;
        s.ok = 0;
        if (s.up && s.fail >= fall) s.up = false;
      }
    });
    const target = this.routeTarget;
    if (target !== this.route) {
      this.log(
        target === null
          ? `HAProxy marked ${this.route ?? 'the primary'} down after ${fall} failed checks: writes have nowhere to go.`
          : `HAProxy saw ${target} answer 200 on /primary ${rise} times in a row and now sends writes to it.`,
        true,
      );
      this.route = target;
    }
  }

  private measure(): void {
    const f = this.failover;
    if (!f) return;
    const holder = this.leaderKey?.holder;
    if (f.lockAt === null && holder !== undefined && holder !== f.from) {
      f.lockAt = this.t;
      f.to = holder;
    }
    if (f.lockAt !== null && f.routedAt === null && f.to !== null && this.routeTarget === f.to) {
      f.routedAt = this.t;
      this.log(
        `Failover complete: ${f.to} held the leader key ${formatSeconds(f.lockAt - f.at)} after ${f.from} ${causeWords(f)}, and HAProxy sent writes to it after ${formatSeconds(f.routedAt - f.at)}.`,
        true,
      );
    }
  }

  // ---- Patroni's HA cycle ---------------------------------------------------------------------

  private cycle(n: SimNode): void {
    if (n.note.includes('cannot reach etcd')) {
      this.log(`${n.name} reaches etcd again.`, false);
      n.note = '';
    }
    const key = this.leaderKey;
    if (n.busyUntil !== null) {
      // A long action is running: the leader still renews its key meanwhile.
      if (key?.holder === n.name) this.renew(n);
    } else if (!key) {
      this.race(n);
    } else if (key.holder === n.name) {
      this.lead(n);
    } else {
      this.follow(n, key.holder);
    }
    this.schedule(n);
  }

  private schedule(n: SimNode): void {
    const next = n.cycleStart + this.params.loop_wait * 1000;
    n.nextCycle = next > this.t ? next : this.t + TICK_MS;
  }

  private wakeAll(): void {
    for (const n of this.nodes) {
      if (this.canReachDcs(n) && n.retryUntil === null) n.nextCycle = Math.min(n.nextCycle, this.t);
    }
  }

  private renew(n: SimNode): void {
    if (!this.leaderKey) return;
    this.leaderKey.expires = this.t + this.params.ttl * 1000;
    this.leaderKey.renewedAt = this.t;
    this.leaderKey.restartedAt = null;
    n.leaderUntil = this.leaderKey.expires;
    if (n.pg === 'primary') this.optime = n.wal;
  }

  private lead(n: SimNode): void {
    this.renew(n);
    n.rewind = false;
    if (n.pg === 'replica') {
      this.promote(n, `${n.name} still holds the leader key, so it promotes its PostgreSQL again.`);
      return;
    }
    const sw = this.switchover;
    if (sw && sw.from === n.name && n.pg === 'primary') {
      const to = this.node(sw.to);
      if (this.streaming(to)) {
        n.pg = 'demoting';
        n.busyUntil = this.t + this.duration(DEMOTE_MS);
        this.log(
          `${n.name} starts the switchover: it stops PostgreSQL cleanly, so ${to.name} receives every last WAL record.`,
          true,
        );
        return;
      }
      this.switchover = null;
      this.log(`Switchover cancelled: ${to.name} is no longer a healthy streaming replica.`, true);
    }
    if (this.params.synchronous_mode && n.pg === 'primary') this.manageSync(n);
  }

  private manageSync(n: SimNode): void {
    const current = this.syncKey?.leader === n.name ? this.syncKey.standby : null;
    const candidates = this.nodes.filter((m) => m !== n && !m.nosync && this.streaming(m) && m.upstream === n.name);
    if (current !== null && candidates.some((m) => m.name === current)) return;
    const pick = [...candidates].sort((a, b) => b.wal - a.wal)[0];
    const standby = pick?.name ?? null;
    if (this.syncKey?.leader === n.name && standby === current) return;
    this.syncKey = { leader: n.name, standby };
    this.log(
      pick
        ? `${n.name} makes ${pick.name} its synchronous standby: each commit now waits until ${pick.name} has it too.`
        : `${n.name} has no replica that can be synchronous: commits go on without waiting (synchronous_mode is not strict), and no replica may be promoted automatically until one is synchronous again.`,
      true,
    );
  }

  private follow(n: SimNode, holder: string): void {
    if (n.pg === 'primary' || n.pg === 'promoting') {
      Object.assign(n, { pg: 'replica', leaderUntil: 0, rewind: true, busyUntil: null });
      this.log(
        `${n.name} sees that ${holder} holds the leader key while it runs as primary: it demotes itself at once.`,
        true,
      );
    }
    if (n.rewind && n.pg === 'replica') {
      n.pg = 'starting';
      n.busyUntil = this.t + this.duration(REWIND_MS);
      this.log(
        `${n.name} was primary on an older timeline: it runs pg_rewind against ${holder} before it can follow it.`,
        true,
      );
      return;
    }
    if (n.upstream !== holder && n.pg === 'replica') {
      n.upstream = holder;
      this.log(`${n.name} now follows ${holder} and streams WAL from it.`, false);
    }
    n.note = '';
  }

  /** Patroni's is_healthiest_node, as a reason to stay out of the race (or null), plus the REST delay. */
  private raceBlocker(n: SimNode): { reason: string | null; delay: number } {
    if (n.pg === 'primary') return { reason: null, delay: 0 };
    if (n.pg !== 'replica') return { reason: 'its PostgreSQL is not running yet', delay: 0 };
    if (n.nofailover) return { reason: 'it is tagged nofailover', delay: 0 };
    const sw = this.switchover;
    if (sw) return { reason: sw.to === n.name ? null : `${sw.to} is the switchover candidate`, delay: 0 };
    const sync = this.params.synchronous_mode ? this.syncKey : null;
    if (sync && sync.standby !== n.name) {
      return {
        reason: sync.standby
          ? `synchronous_mode is on and only the synchronous standby, ${sync.standby}, may be promoted`
          : 'synchronous_mode is on and no replica was synchronous, so none may be promoted',
        delay: 0,
      };
    }
    const lag = this.optime - n.wal;
    if (lag > this.params.maximum_lag_on_failover) {
      return {
        reason: `it is ${formatBytes(lag)} behind the last WAL position the primary wrote to etcd, more than maximum_lag_on_failover (${formatBytes(this.params.maximum_lag_on_failover)})`,
        delay: 0,
      };
    }
    let delay = 0;
    for (const m of this.nodes) {
      if (m === n || m.nofailover || !m.running) continue;
      if (m.cut) {
        delay = REST_TIMEOUT_MS;
        continue;
      }
      if (m.pg === 'primary') return { reason: `${m.name} still answers as a running primary`, delay: 0 };
      if (!sync && m.pg === 'replica' && m.wal > n.wal) {
        return { reason: `${m.name} has received more WAL (${formatBytes(m.wal - n.wal)} more)`, delay: 0 };
      }
    }
    return { reason: null, delay };
  }

  private race(n: SimNode): void {
    if (n.acquireAt !== null) return;
    const { reason, delay } = this.raceBlocker(n);
    if (reason !== null) {
      this.noteOnce(n, `${n.name} stays out of the leader race: ${reason}.`, false);
      return;
    }
    n.note = '';
    n.acquireAt = this.t + delay + this.duration(RACE_MS);
  }

  private tryAcquire(n: SimNode): void {
    n.acquireAt = null;
    if (!this.canReachDcs(n)) return;
    const key = this.leaderKey;
    if (key) {
      if (key.holder !== n.name)
        this.log(`${n.name} tried to create the leader key, but ${key.holder} was first.`, false);
      return;
    }
    this.leaderKey = { holder: n.name, expires: this.t + this.params.ttl * 1000, renewedAt: this.t, restartedAt: null };
    n.leaderUntil = this.leaderKey.expires;
    this.log(`${n.name} ${this.winReason(n)} and takes the leader key.`, true);
    this.switchover = null;
    this.wakeAll();
    if (n.pg === 'replica') this.promote(n, null);
  }

  private winReason(n: SimNode): string {
    if (n.pg === 'primary') return 'still runs as primary';
    if (this.switchover?.to === n.name) return 'is the switchover candidate';
    if (this.params.synchronous_mode && this.syncKey?.standby === n.name) return 'is the synchronous standby';
    const rivals = this.nodes.filter((m) => m !== n && m.running && !m.cut && m.pg === 'replica' && !m.nofailover);
    if (rivals.length === 0) return 'is the only healthy replica left';
    return `has the least lag (${rivals.map((m) => `${m.name} is ${formatBytes(n.wal - m.wal)} behind it`).join(', ')})`;
  }

  private promote(n: SimNode, message: string | null): void {
    n.pg = 'promoting';
    n.upstream = null;
    n.busyUntil = this.t + this.duration(PROMOTE_MS);
    if (message) this.log(message, true);
  }

  private dcsFailed(n: SimNode): void {
    if ((n.pg !== 'primary' && n.pg !== 'promoting') || n.demoteAt !== null) return;
    // The thread race of Patroni 3.0 (see the rules above): now, or after one more retry_timeout.
    if (this.rng.int(0, 1) === 1) {
      n.demoteAt = this.t + this.params.retry_timeout * 1000;
      this.log(
        `${n.name} gave up on etcd and decides to demote itself, but its next HA cycle retries etcd for another retry_timeout (${this.params.retry_timeout} s) first; PostgreSQL stays primary meanwhile.`,
        true,
      );
      return;
    }
    this.demoteForDcs(n);
  }

  private demoteForDcs(n: SimNode): void {
    if (n.pg === 'primary' || n.pg === 'promoting') {
      Object.assign(n, { pg: 'replica', upstream: null, leaderUntil: 0, rewind: true, busyUntil: null });
      this.log(
        `${n.name} could not reach etcd within retry_timeout (${this.params.retry_timeout} s): it demotes itself, and its PostgreSQL restarts read-only. No primary is better than two.`,
        true,
      );
    }
  }

  // ---- Helpers --------------------------------------------------------------------------------

  /** A replica receiving WAL from the running primary. */
  private streaming(n: SimNode): boolean {
    const p = this.primary;
    return (
      p !== undefined &&
      n !== p &&
      n.running &&
      !n.cut &&
      !p.cut &&
      n.pg === 'replica' &&
      !n.rewind &&
      n.upstream === p.name
    );
  }

  private syncStandbyOf(p: SimNode): SimNode | undefined {
    if (!this.params.synchronous_mode || this.syncKey?.leader !== p.name || this.syncKey.standby === null)
      return undefined;
    return this.node(this.syncKey.standby);
  }

  /** In synchronous mode, commits wait while the named synchronous standby is not streaming. */
  private syncBlocked(p: SimNode): boolean {
    const standby = this.syncStandbyOf(p);
    return standby !== undefined && !this.streaming(standby);
  }

  private duration([min, max]: readonly [number, number]): number {
    return this.rng.int(Math.round(min / TICK_MS), Math.round(max / TICK_MS)) * TICK_MS;
  }

  private noteOnce(n: SimNode, text: string, important: boolean): void {
    if (n.note === text) return;
    n.note = text;
    this.log(text, important);
  }

  private log(text: string, important: boolean): void {
    this.events.push({ t: this.t, text, important });
  }
}

/** A new simulation of a healthy cluster at t=0, with the first node as primary. */
export function createSimulation(params: SimParams, seed: number): Simulation {
  return new Simulation(params, seed);
}
