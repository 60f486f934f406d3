/**
 * The failover window: how long after the primary crashes (Patroni and PostgreSQL killed, the rest of
 * the cluster healthy) another node holds the leader key, and HAProxy sends writes to it. Derived from
 * the model's rules (see model.ts), step by step; times in seconds:
 *
 * 1. The primary renews the leader key once per HA cycle, every loop_wait. The crash falls somewhere
 *    in a cycle, so the last renewal happened e seconds before it, with 0 <= e < loop_wait.
 * 2. The key's lease runs out ttl seconds after the last renewal, at ttl - e after the crash.
 * 3. etcd's leader deletes expired leases in a sweep every LEASE_SWEEP (0.5 s): deletion follows
 *    expiry by 0 to 0.5 s.
 * 4. The deletion wakes every replica at once (Patroni's etcd watch). The healthiest one asks the
 *    others for their WAL positions over REST (a killed node refuses at once) and creates the key with
 *    a compare-and-swap: RACE, 0 to 0.5 s.
 *    => lock = ttl - e + sweep + race, in [ttl - loop_wait + RACE_min, ttl + LEASE_SWEEP + RACE_max].
 * 5. The winner promotes PostgreSQL (PROMOTE, 0.3 to 1.5 s); only then does /primary answer 200.
 * 6. HAProxy checks every inter. The first check after the promotion comes 0 to inter later, and it
 *    takes rise successes in a row to mark the server up: (rise - 1) * inter more.
 *    => routed in [lock_min + PROMOTE_min + (rise - 1) * inter, lock_max + PROMOTE_max + rise * inter].
 *
 * With the lab's settings (ttl 30, loop_wait 10; HAProxy inter 1 s, rise 2) that is 20.0-31.0 s for
 * the lock and 21.3-34.5 s for HAProxy. The simulation's runs land inside by construction (the unit
 * tests check many seeds), and the cluster test checks that the real cluster does too.
 */
import { LEASE_SWEEP_MS, PROMOTE_MS, RACE_MS } from './model.ts';
import type { SimParams } from './params.ts';

export interface Window {
  /** Seconds after the crash. */
  readonly min: number;
  readonly max: number;
}

export interface FailoverPrediction {
  /** Until another node holds the leader key. */
  readonly lock: Window;
  /** Until HAProxy sends writes to the new primary: how long writes are refused. */
  readonly routed: Window;
}

type PredictionParams = Pick<SimParams, 'ttl' | 'loop_wait' | 'haproxy'>;

const round = (seconds: number): number => Math.round(seconds * 1000) / 1000;

export function predictFailover(params: PredictionParams): FailoverPrediction {
  const { ttl, loop_wait: loopWait } = params;
  const { interMs, rise } = params.haproxy;
  const lock = {
    min: round(ttl - loopWait + RACE_MS[0] / 1000),
    max: round(ttl + LEASE_SWEEP_MS / 1000 + RACE_MS[1] / 1000),
  };
  const routed = {
    min: round(lock.min + PROMOTE_MS[0] / 1000 + ((rise - 1) * interMs) / 1000),
    max: round(lock.max + PROMOTE_MS[1] / 1000 + (rise * interMs) / 1000),
  };
  return { lock, routed };
}

/** Whether a duration (seconds) falls inside a window. */
export function inWindow(seconds: number, window: Window): boolean {
  return seconds >= window.min && seconds <= window.max;
}
