/**
 * The windows the model predicts for faults other than a crash, derived from model.ts's rules step by
 * step like predict.ts does for the crash (times in seconds after the fault):
 *
 * The primary cut off from everything (the simulator's "cut"):
 * 1. Its next HA cycle comes c after the cut, 0 < c <= loop_wait; its last renewal was one
 *    loop_wait before that cycle.
 * 2. That cycle cannot reach etcd: it retries for retry_timeout, then demotes itself, at once or, in
 *    Patroni 3.0's thread race, one more retry_timeout later.
 *    => demote in [retry_timeout, loop_wait + 2 * retry_timeout].
 * 3. Its key's lease runs out ttl after the last renewal, ttl - loop_wait + c after the cut, and
 *    etcd deletes it 0 to LEASE_SWEEP later.
 * 4. The replicas race. Asking the unreachable node costs the REST timeout, then RACE.
 *    => lock in [ttl - loop_wait + REST_TIMEOUT + RACE_min, ttl + LEASE_SWEEP + REST_TIMEOUT + RACE_max].
 * 5. Promotion and HAProxy's checks as in predict.ts.
 *
 * etcd without a majority (two of three members lost): no node can reach etcd, so the primary demotes
 * in the same window as in step 2, and nobody can take the key: no failover.
 *
 * One etcd member lost, even the Raft leader: the others elect a leader within one to two election
 * timeouts and restart the leases, so the primary keeps its key: no demotion, no failover.
 */
import { LEASE_SWEEP_MS, PROMOTE_MS, RACE_MS, REST_TIMEOUT_MS } from './model.ts';
import type { SimParams } from './params.ts';
import type { Window } from './predict.ts';

export interface CutPrediction {
  /** Until the old primary stops taking writes. */
  readonly demote: Window;
  /** Until another node holds the leader key. */
  readonly lock: Window;
  /** Until HAProxy sends writes to the new primary. */
  readonly routed: Window;
}

type Params = Pick<SimParams, 'ttl' | 'loop_wait' | 'retry_timeout' | 'haproxy'>;

const round = (seconds: number): number => Math.round(seconds * 1000) / 1000;

/** The demotion window of a primary that can no longer reach etcd (cut off, or etcd without a majority). */
export function predictDemotion(params: Params): Window {
  const { loop_wait: loopWait, retry_timeout: retryTimeout } = params;
  return { min: round(retryTimeout), max: round(loopWait + 2 * retryTimeout) };
}

export function predictPrimaryCut(params: Params): CutPrediction {
  const { ttl, loop_wait: loopWait } = params;
  const { interMs, rise } = params.haproxy;
  const lock = {
    min: round(ttl - loopWait + REST_TIMEOUT_MS / 1000 + RACE_MS[0] / 1000),
    max: round(ttl + LEASE_SWEEP_MS / 1000 + REST_TIMEOUT_MS / 1000 + RACE_MS[1] / 1000),
  };
  const routed = {
    min: round(lock.min + PROMOTE_MS[0] / 1000 + ((rise - 1) * interMs) / 1000),
    max: round(lock.max + PROMOTE_MS[1] / 1000 + (rise * interMs) / 1000),
  };
  return { demote: predictDemotion(params), lock, routed };
}
