import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  RACE_MS,
  REST_TIMEOUT_MS,
  TICK_MS,
  type SimAction,
  type Simulation,
} from '../../../src/islands/patroni-sim/model.ts';
import { predictEtcdLeaderLoss, predictFailover } from '../../../src/islands/patroni-sim/predict.ts';
import { createRandom } from '../../../src/islands/patroni-sim/random.ts';
import { LAB_LIKE, tagged, withParams } from './support.ts';

const texts = (sim: Simulation) => sim.events.map((e) => `${e.t} ${e.text}`);
const primaries = (sim: Simulation) => sim.nodes.filter((n) => sim.answersPrimary(n)).map((n) => n.name);
/** PostgreSQL servers accepting writes, reachable by clients or not: two of them is split brain. */
const readWrite = (sim: Simulation) => sim.nodes.filter((n) => n.running && n.pg === 'primary').map((n) => n.name);

/** Crashes node1 at `at` ms and runs until HAProxy routes writes elsewhere (or two minutes pass). */
function crashRun(seed: number, at: number, params = LAB_LIKE): Simulation {
  const sim = createSimulation(params, seed);
  sim.run(at);
  expect(sim.apply({ type: 'crash', node: 'node1' }).ok).toBe(true);
  sim.runUntil((s) => s.failover?.routedAt != null, 120_000);
  return sim;
}

describe('determinism', () => {
  const script: [number, SimAction][] = [
    [4000, { type: 'crash', node: 'node1' }],
    [40_000, { type: 'restart', node: 'node1' }],
    [60_000, { type: 'cut', node: 'node2' }],
    [90_000, { type: 'heal' }],
    [100_000, { type: 'etcd-stop', member: 'etcd1' }],
  ];
  const play = (seed: number) => {
    const sim = createSimulation(LAB_LIKE, seed);
    for (const [at, action] of script) {
      sim.run(at - sim.t);
      sim.apply(action);
    }
    sim.run(30_000);
    return sim;
  };

  it('replays the same run from the same seed and actions', () => {
    const a = play(7);
    const b = play(7);
    expect(texts(a)).toEqual(texts(b));
    expect(a.nodes).toEqual(b.nodes);
  });

  it('gives each seed its own HA loop phases', () => {
    const phases = (seed: number) => createSimulation(LAB_LIKE, seed).nodes.map((n) => n.nextCycle);
    expect(phases(1)).not.toEqual(phases(2));
    for (const phase of [...phases(1), ...phases(2)]) {
      expect(phase).toBeGreaterThan(0);
      expect(phase).toBeLessThanOrEqual(LAB_LIKE.loop_wait * 1000);
    }
    expect(texts(play(1))).not.toEqual(texts(play(2)));
  });
});

describe('a healthy cluster', () => {
  it('keeps its primary: the leader renews the key every loop_wait and it never expires', () => {
    const sim = createSimulation(LAB_LIKE, 3);
    let maxLeft = 0;
    let minLeft = Infinity;
    for (let i = 0; i < 3000; i++) {
      sim.step();
      const left = (sim.leaderKey?.expires ?? 0) - sim.t;
      if (sim.t > 15_000) {
        minLeft = Math.min(minLeft, left);
        maxLeft = Math.max(maxLeft, left);
      }
    }
    expect(sim.leaderKey?.holder).toBe('node1');
    // Renewed every 10 s, so between ttl - loop_wait and ttl of its life is always left.
    expect(minLeft).toBeGreaterThan((LAB_LIKE.ttl - LAB_LIKE.loop_wait) * 1000);
    expect(maxLeft).toBe(LAB_LIKE.ttl * 1000);
    expect(sim.routeTarget).toBe('node1');
    expect(sim.writes).toBe('ok');
    expect(sim.events.filter((e) => e.important)).toEqual([]);
  });
});

describe('failover after the primary crashes', () => {
  it('hands the key to another node inside the predicted window, for every seed and crash time', () => {
    const { lock, routed } = predictFailover(LAB_LIKE);
    const locks: number[] = [];
    const routes: number[] = [];
    for (let seed = 1; seed <= 150; seed++) {
      const at = 2000 + ((seed * 3700) % 40_000);
      const sim = crashRun(seed, at);
      const f = sim.failover;
      expect(f?.lockAt, `seed ${seed}`).not.toBeNull();
      expect(f?.routedAt, `seed ${seed}`).not.toBeNull();
      locks.push(((f?.lockAt ?? 0) - at) / 1000);
      routes.push(((f?.routedAt ?? 0) - at) / 1000);
    }
    expect(Math.min(...locks)).toBeGreaterThanOrEqual(lock.min);
    expect(Math.max(...locks)).toBeLessThanOrEqual(lock.max);
    expect(Math.min(...routes)).toBeGreaterThanOrEqual(routed.min);
    expect(Math.max(...routes)).toBeLessThanOrEqual(routed.max);
    // The window is not padded: runs reach close to both ends.
    expect(Math.min(...locks)).toBeLessThan(lock.min + 1);
    expect(Math.max(...locks)).toBeGreaterThan(lock.max - 1);
  });

  it('gives the key to the replica with the least lag, and the other follows it', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const sim = createSimulation(LAB_LIKE, seed);
      sim.run(8000);
      const [node2, node3] = [sim.node('node2'), sim.node('node3')];
      const expected = node2.wal >= node3.wal ? 'node2' : 'node3';
      sim.apply({ type: 'crash', node: 'node1' });
      sim.runUntil((s) => s.failover?.routedAt != null);
      expect(sim.failover?.to, `seed ${seed}`).toBe(expected);
      sim.run(LAB_LIKE.loop_wait * 1000);
      const other = expected === 'node2' ? node3 : node2;
      expect(other.upstream).toBe(expected);
      expect(other.pg).toBe('replica');
    }
  });

  it('narrates the race in plain words', () => {
    const sim = crashRun(5, 4000);
    const lines = sim.events.map((e) => e.text);
    expect(lines).toContainEqual(
      expect.stringMatching(/^The leader key's lease ran out \(node1 last renewed it at t=[\d.]+ s\)/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^node[23] has the least lag \(node[23] is \d+ (KiB|B) behind it\) and takes the leader key\.$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^HAProxy saw node[23] answer 200 on \/primary 2 times in a row/),
    );
  });

  it('never promotes a node tagged nofailover', () => {
    const params = withParams({ nodes: tagged({ node2: { nofailover: true } }) });
    for (let seed = 1; seed <= 20; seed++) {
      expect(crashRun(seed, 5000, params).failover?.to).toBe('node3');
    }
  });

  it('keeps a replica lagging more than maximum_lag_on_failover out of the race', () => {
    const params = withParams({ nodes: tagged({ node3: { nofailover: true } }) });
    const lagging = (maximumLag: number) => {
      const sim = createSimulation({ ...params, maximum_lag_on_failover: maximumLag }, 11);
      sim.apply({ type: 'slow', node: 'node2', slow: true });
      sim.run(30_000);
      sim.apply({ type: 'crash', node: 'node1' });
      sim.run(60_000);
      return sim;
    };
    const strict = lagging(1048576);
    expect(strict.leaderKey).toBeNull();
    expect(strict.events.map((e) => e.text)).toContainEqual(
      expect.stringMatching(
        /^node2 stays out of the leader race: it is [\d.]+ MiB behind the last WAL position the primary wrote to etcd, more than maximum_lag_on_failover \(1\.0 MiB\)\.$/,
      ),
    );
    expect(lagging(64 * 1048576).leaderKey?.holder).toBe('node2');
  });

  it('lets a quickly restarted primary keep its key: no failover at all', () => {
    const sim = createSimulation(LAB_LIKE, 4);
    sim.run(20_000);
    sim.apply({ type: 'crash', node: 'node1' });
    sim.run(2000);
    sim.apply({ type: 'restart', node: 'node1' });
    sim.run(60_000);
    expect(sim.leaderKey?.holder).toBe('node1');
    expect(sim.node('node1').pg).toBe('primary');
    expect(sim.failover).toBeNull();
    expect(sim.routeTarget).toBe('node1');
  });

  it('rewinds the crashed primary when it comes back after the failover', () => {
    const sim = crashRun(6, 3000);
    sim.apply({ type: 'restart', node: 'node1' });
    sim.run(20_000);
    const node1 = sim.node('node1');
    expect(node1.pg).toBe('replica');
    expect(node1.upstream).toBe(sim.failover?.to);
    expect(node1.timeline).toBe(2);
    expect(sim.events.map((e) => e.text)).toContain(
      `node1 rewound its data to ${sim.failover?.to}'s timeline and rejoins as a replica.`,
    );
  });
});

describe('synchronous_mode', () => {
  const sync = withParams({ synchronous_mode: true });

  it('promotes only the synchronous standby, which has every commit', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const sim = createSimulation(sync, seed);
      sim.run(7000);
      const standby = sim.syncKey?.standby;
      expect(standby).toBe('node2');
      const committed = sim.node('node1').wal;
      sim.apply({ type: 'crash', node: 'node1' });
      sim.runUntil((s) => s.failover?.lockAt != null);
      expect(sim.failover?.to).toBe('node2');
      expect(sim.node('node2').wal).toBe(committed);
    }
  });

  it('fails over to nobody when the synchronous standby is gone too', () => {
    const sim = createSimulation(sync, 2);
    sim.run(5000);
    sim.apply({ type: 'crash', node: 'node2' });
    sim.apply({ type: 'crash', node: 'node1' });
    sim.run(90_000);
    expect(sim.leaderKey).toBeNull();
    expect(sim.node('node3').pg).toBe('replica');
    expect(sim.events.map((e) => e.text)).toContain(
      'node3 stays out of the leader race: synchronous_mode is on and only the synchronous standby, node2, may be promoted.',
    );
    expect(sim.writes).toBe('refused');
  });

  it('lets any replica take over without synchronous_mode in the same situation', () => {
    const sim = createSimulation(LAB_LIKE, 2);
    sim.run(5000);
    sim.apply({ type: 'crash', node: 'node2' });
    sim.apply({ type: 'crash', node: 'node1' });
    sim.run(90_000);
    expect(sim.leaderKey?.holder).toBe('node3');
  });

  it('holds commits while the synchronous standby is away, until the leader picks another', () => {
    const sim = createSimulation(sync, 9);
    sim.run(5000);
    sim.apply({ type: 'cut', node: 'node2' });
    sim.step();
    expect(sim.writes).toBe('waiting for the synchronous standby');
    sim.run(LAB_LIKE.loop_wait * 1000);
    expect(sim.syncKey).toEqual({ leader: 'node1', standby: 'node3' });
    expect(sim.writes).toBe('ok');
  });
});

describe('a primary that cannot reach etcd', () => {
  it('demotes itself after one or two retry_timeouts, by the time its key expires; then the key moves on', () => {
    const delays = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const sim = createSimulation(LAB_LIKE, seed);
      sim.run(3000 + seed * 700);
      sim.apply({ type: 'cut', node: 'node1' });
      const cutAt = sim.t;
      const expires = sim.leaderKey?.expires ?? 0;
      sim.runUntil((s) => s.node('node1').pg !== 'primary');
      expect(sim.t, `seed ${seed}`).toBeLessThanOrEqual(expires);
      // Its first cycle after the cut comes within loop_wait, then it retries for retry_timeout, and
      // Patroni 3.0's thread race may add one more retry_timeout.
      expect(sim.t - cutAt).toBeLessThanOrEqual((LAB_LIKE.loop_wait + 2 * LAB_LIKE.retry_timeout) * 1000);
      expect(sim.t - cutAt).toBeGreaterThanOrEqual(LAB_LIKE.retry_timeout * 1000);
      delays.add(sim.events.some((e) => e.text.includes('decides to demote itself, but')) ? 'late' : 'at once');
      // Nobody else holds the key yet (it may just have expired, in the same tick).
      expect([undefined, 'node1']).toContain(sim.leaderKey?.holder);
      sim.runUntil((s) => s.leaderKey !== null && s.leaderKey.holder !== 'node1');
      expect(sim.t).toBeGreaterThanOrEqual(expires);
    }
    expect([...delays].sort()).toEqual(['at once', 'late']);
  });

  it('pays the REST timeout when the racing replica asks the unreachable node', () => {
    const raceTime = (sim: Simulation) => {
      const deleted = sim.events.find((e) => e.text.startsWith("The leader key's lease ran out"))?.t ?? NaN;
      return (sim.failover?.lockAt ?? NaN) - deleted;
    };
    for (let seed = 1; seed <= 10; seed++) {
      const crashed = crashRun(seed, 5000);
      expect(raceTime(crashed)).toBeLessThanOrEqual(RACE_MS[1]);
      const cut = createSimulation(LAB_LIKE, seed);
      cut.run(5000);
      cut.apply({ type: 'cut', node: 'node1' });
      cut.runUntil((s) => s.failover?.lockAt != null);
      expect(raceTime(cut)).toBeGreaterThanOrEqual(REST_TIMEOUT_MS);
      expect(raceTime(cut)).toBeLessThanOrEqual(REST_TIMEOUT_MS + RACE_MS[1]);
    }
  });

  it('rejoins as a replica of the new primary once the network heals', () => {
    const sim = createSimulation(LAB_LIKE, 8);
    sim.run(4000);
    sim.apply({ type: 'cut', node: 'node1' });
    sim.runUntil((s) => s.failover?.routedAt != null);
    sim.apply({ type: 'reconnect', node: 'node1' });
    sim.run(30_000);
    expect(sim.node('node1')).toMatchObject({ pg: 'replica', upstream: sim.failover?.to, rewind: false });
  });
});

describe("etcd's own quorum", () => {
  it('keeps working with one of three members down', () => {
    const sim = createSimulation(LAB_LIKE, 5);
    sim.run(5000);
    const other = sim.etcd.find((m) => m.name !== sim.etcdLeader)?.name ?? '';
    sim.apply({ type: 'etcd-stop', member: other });
    sim.run(60_000);
    expect(sim.dcsAvailable).toBe(true);
    expect(sim.leaderKey?.holder).toBe('node1');
    expect(sim.writes).toBe('ok');
  });

  it('elects a new etcd leader when the leader stops, and restarts the leases', () => {
    const sim = createSimulation(LAB_LIKE, 5);
    sim.run(5000);
    const leader = sim.etcdLeader ?? '';
    sim.apply({ type: 'etcd-stop', member: leader });
    expect(sim.dcsAvailable).toBe(false);
    sim.runUntil((s) => s.dcsAvailable);
    // Raft's randomised election timeout: between 1x and 2x election-timeout.
    expect(sim.t - 5000).toBeGreaterThanOrEqual(LAB_LIKE.etcdElectionMs);
    expect(sim.t - 5000).toBeLessThanOrEqual(2 * LAB_LIKE.etcdElectionMs + TICK_MS);
    expect(sim.etcdLeader).not.toBe(leader);
    // The new leader restarts every lease with its full TTL plus one election timeout (lessor Promote);
    // node1, woken by the change, renews its key in the same tick.
    const elected = sim.events.find((e) => e.text.startsWith('etcd elected'));
    expect(elected?.t).toBe(sim.t);
    expect(elected?.text).toContain(`now expires at t=${((sim.t + 31_000) / 1000).toFixed(1)} s`);
    sim.run(30_000);
    expect(sim.node('node1').pg).toBe('primary');
  });

  it('without a majority, stops all writes to the key: the primary demotes and nobody takes over', () => {
    const sim = createSimulation(LAB_LIKE, 6);
    sim.run(5000);
    sim.apply({ type: 'etcd-stop', member: 'etcd1' });
    sim.apply({ type: 'etcd-stop', member: 'etcd2' });
    const frozen = sim.leaderKey?.expires;
    sim.run(120_000);
    // Every database server is up, yet the cluster refuses writes.
    expect(sim.nodes.every((n) => n.running)).toBe(true);
    expect(primaries(sim)).toEqual([]);
    expect(sim.writes).toBe('refused');
    expect(sim.leaderKey).toMatchObject({ holder: 'node1', expires: frozen });
    sim.apply({ type: 'etcd-start', member: 'etcd1' });
    sim.run(20_000);
    expect(primaries(sim)).toEqual(['node1']);
    expect(sim.routeTarget).toBe('node1');
  });
});

describe("the primary's host goes down with etcd's leader on it", () => {
  /** Takes down node1 and the etcd leader together at `at` ms; runs until HAProxy routes writes elsewhere. */
  function hostRun(seed: number, at: number): Simulation {
    const sim = createSimulation(LAB_LIKE, seed);
    sim.run(at);
    const leader = sim.etcdLeader ?? '';
    expect(sim.apply({ type: 'host-down', node: 'node1', member: leader }).ok).toBe(true);
    sim.runUntil((s) => s.failover?.routedAt != null, 120_000);
    return sim;
  }

  it('waits for an etcd election and then a full ttl, whenever the primary last renewed its key', () => {
    const { lock, routed } = predictEtcdLeaderLoss(LAB_LIKE);
    // By hand, with ttl 30 s and election-timeout 1 s: 30 + 2 = 32 to 30 + 3 + 0.5 + 0.5 = 34 s.
    expect(lock).toEqual({ min: 32, max: 34 });
    const locks: number[] = [];
    const routes: number[] = [];
    for (let seed = 1; seed <= 120; seed++) {
      const at = 2000 + ((seed * 3700) % 40_000);
      const f = hostRun(seed, at).failover;
      expect(f?.cause).toBe('host');
      expect(f?.etcdLeaderLost).toBe(true);
      locks.push(((f?.lockAt ?? NaN) - at) / 1000);
      routes.push(((f?.routedAt ?? NaN) - at) / 1000);
    }
    expect(Math.min(...locks)).toBeGreaterThanOrEqual(lock.min);
    expect(Math.max(...locks)).toBeLessThanOrEqual(lock.max);
    expect(Math.min(...routes)).toBeGreaterThanOrEqual(routed.min);
    expect(Math.max(...routes)).toBeLessThanOrEqual(routed.max);
    // Later than any crash with etcd's leader alive, and the window is not padded.
    expect(Math.min(...locks)).toBeGreaterThan(predictFailover(LAB_LIKE).lock.max);
    expect(Math.min(...locks)).toBeLessThan(lock.min + 0.5);
    expect(Math.max(...locks)).toBeGreaterThan(lock.max - 0.5);
  });

  it('reports the lease restart as a restart, not as a renewal by the dead primary', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const sim = hostRun(seed, 7000);
      const line = sim.events.find((e) => e.text.startsWith("The leader key's lease ran out"))?.text ?? '';
      const match = /node1 last renewed it at t=([\d.]+) s, and etcd's new leader restarted it at t=([\d.]+) s\)/.exec(
        line,
      );
      expect(match, `seed ${seed}: ${line}`).not.toBeNull();
      expect(Number(match?.[1])).toBeLessThanOrEqual(7);
      expect(Number(match?.[2])).toBeGreaterThan(7);
    }
  });

  it('fails over inside the usual window when the host ran an etcd follower instead', () => {
    const { lock } = predictFailover(LAB_LIKE);
    for (let seed = 1; seed <= 30; seed++) {
      const sim = createSimulation(LAB_LIKE, seed);
      sim.run(6000);
      const follower = sim.etcd.find((m) => m.name !== sim.etcdLeader)?.name ?? '';
      sim.apply({ type: 'host-down', node: 'node1', member: follower });
      sim.runUntil((s) => s.failover?.lockAt != null, 120_000);
      expect(sim.failover?.etcdLeaderLost).toBe(false);
      const seconds = ((sim.failover?.lockAt ?? NaN) - 6000) / 1000;
      expect(seconds, `seed ${seed}`).toBeGreaterThanOrEqual(lock.min);
      expect(seconds, `seed ${seed}`).toBeLessThanOrEqual(lock.max);
    }
  });
});

describe('HAProxy', () => {
  it('marks a crashed primary down after fall failed checks, and the new one up after rise good ones', () => {
    const sim = createSimulation(LAB_LIKE, 14);
    sim.run(5000);
    sim.apply({ type: 'crash', node: 'node1' });
    sim.runUntil((s) => s.routeTarget === null);
    const { interMs, fall, rise } = LAB_LIKE.haproxy;
    expect(sim.t - 5000).toBeGreaterThan((fall - 1) * interMs);
    expect(sim.t - 5000).toBeLessThanOrEqual(fall * interMs);
    const to = () => sim.failover?.to ?? '';
    sim.runUntil((s) => s.failover?.to != null && s.answersPrimary(s.node(to())));
    const answering = sim.t;
    sim.runUntil((s) => s.routeTarget === to());
    expect(sim.t - answering).toBeGreaterThanOrEqual((rise - 1) * interMs);
    expect(sim.t - answering).toBeLessThanOrEqual(rise * interMs);
  });
});

describe('switchover', () => {
  it('hands over cleanly in a few seconds, losing nothing', () => {
    const sim = createSimulation(LAB_LIKE, 21);
    sim.run(6000);
    expect(sim.apply({ type: 'switchover', to: 'node3' })).toEqual({
      ok: true,
      message: 'You asked for a switchover from node1 to node3 (patronictl switchover).',
    });
    const start = sim.t;
    sim.runUntil((s) => s.node('node1').pg === 'replica');
    const lastWal = sim.node('node1').wal;
    sim.runUntil((s) => s.routeTarget === 'node3');
    expect(sim.t - start).toBeLessThan(8000);
    expect(sim.node('node3').wal).toBeGreaterThanOrEqual(lastWal);
    sim.run(15_000);
    expect(sim.node('node1')).toMatchObject({ pg: 'replica', upstream: 'node3' });
  });

  it('refuses what Patroni refuses', () => {
    const sync = createSimulation(withParams({ synchronous_mode: true }), 1);
    expect(sync.apply({ type: 'switchover', to: 'node3' })).toEqual({
      ok: false,
      message: 'In synchronous mode only the synchronous standby (node2) can take over.',
    });
    const sim = createSimulation(withParams({ nodes: tagged({ node2: { nofailover: true } }) }), 1);
    expect(sim.apply({ type: 'switchover', to: 'node2' }).ok).toBe(false);
    sim.apply({ type: 'crash', node: 'node1' });
    expect(sim.apply({ type: 'switchover' }).message).toBe(
      'A switchover needs a running primary that holds the leader key and can reach etcd.',
    );
  });
});

describe('actions', () => {
  it('refuse what does not make sense, and change nothing', () => {
    const sim = createSimulation(LAB_LIKE, 1);
    expect(sim.apply({ type: 'restart', node: 'node2' })).toEqual({ ok: false, message: 'node2 is already running.' });
    expect(sim.apply({ type: 'reconnect', node: 'node2' }).ok).toBe(false);
    expect(sim.apply({ type: 'heal' })).toEqual({ ok: false, message: 'No node is cut off the network.' });
    expect(sim.apply({ type: 'etcd-start', member: 'etcd1' }).ok).toBe(false);
    expect(() => sim.apply({ type: 'crash', node: 'node9' })).toThrow('No node named "node9"');
    expect(sim.events).toHaveLength(1);
  });
});

describe('safety', () => {
  it('never runs two read-write primaries, whatever the reader breaks, for valid settings', () => {
    const actions = (rng: ReturnType<typeof createRandom>, sim: Simulation): SimAction => {
      const node = sim.nodes[rng.int(0, sim.nodes.length - 1)]?.name ?? 'node1';
      const member = sim.etcd[rng.int(0, sim.etcd.length - 1)]?.name ?? 'etcd1';
      const choices: SimAction[] = [
        { type: 'crash', node },
        { type: 'restart', node },
        { type: 'cut', node },
        { type: 'reconnect', node },
        { type: 'heal' },
        { type: 'etcd-stop', member },
        { type: 'etcd-start', member },
        { type: 'switchover' },
        { type: 'host-down', node, member },
        { type: 'slow', node, slow: rng.next() < 0.5 },
      ];
      return choices[rng.int(0, choices.length - 1)] ?? { type: 'heal' };
    };
    for (let seed = 1; seed <= 60; seed++) {
      const rng = createRandom(seed * 7919);
      const loopWait = rng.int(1, 15);
      const retryTimeout = rng.int(3, 12);
      const ttl = Math.max(20, loopWait + 2 * retryTimeout + rng.int(0, 10));
      const sim = createSimulation(
        withParams({ ttl, loop_wait: loopWait, retry_timeout: retryTimeout, synchronous_mode: seed % 2 === 0 }),
        seed,
      );
      for (let i = 0; i < 30; i++) {
        const until = sim.t + rng.int(1, 300) * TICK_MS;
        while (sim.t < until) {
          sim.step();
          const writable = readWrite(sim);
          if (writable.length > 1) {
            expect.fail(
              `seed ${seed} at t=${sim.t}: ${writable.join(' and ')} both accept writes after ${texts(sim).slice(-5).join(' | ')}`,
            );
          }
        }
        sim.apply(actions(rng, sim));
      }
    }
  });
});
