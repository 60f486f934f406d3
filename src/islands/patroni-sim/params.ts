/**
 * The parameters of the failover simulator and their validation.
 *
 * The three timing parameters follow Patroni's documented rules, which src/lab/timing-rules.ts holds
 * for the lab's validator and for the simulator alike (defaults, minimums, whole seconds, and
 * loop_wait + 2 * retry_timeout <= ttl). Patroni's own validator (`patroni --validate-config`,
 * patroni/validator.py) also rejects maximum_lag_on_failover below 0. When the rule is broken at run time,
 * Patroni does not stop: it logs a warning and lowers loop_wait (or, when loop_wait is already 1,
 * retry_timeout) until the rule holds (`_validate_and_adjust_timeouts` in patroni/config.py). The
 * simulator rejects such a combination instead, and says what Patroni would have changed.
 *
 * This module is shared by the build (reading the lab's files) and the browser (the sliders), so it is
 * plain erasable TypeScript that imports only those pure timing rules.
 */
import { PATRONI_TIMING_DEFAULTS, timingViolations, type TimingKey } from '../../lab/timing-rules.ts';

export interface SimNodeParams {
  readonly name: string;
  /** Patroni tag: never promote this node. */
  readonly nofailover: boolean;
  /** Patroni tag: never choose this node as the synchronous standby. */
  readonly nosync: boolean;
}

export interface SimParams {
  /** Seconds the leader key lives after its last renewal. */
  readonly ttl: number;
  /** Seconds between two runs of each node's HA loop. */
  readonly loop_wait: number;
  /** Seconds DCS operations are retried before Patroni gives up. */
  readonly retry_timeout: number;
  /** Bytes a replica may lag behind the leader's last reported WAL position and still be promoted. */
  readonly maximum_lag_on_failover: number;
  /** Only the synchronous standby recorded in the DCS may be promoted. */
  readonly synchronous_mode: boolean;
  readonly nodes: readonly SimNodeParams[];
  /** etcd member names; a majority of them must be up for the DCS to work. */
  readonly etcd: readonly string[];
  /** etcd's election-timeout, in milliseconds. */
  readonly etcdElectionMs: number;
  /** HAProxy health checks on the write port: interval, failures to mark down, successes to mark up. */
  readonly haproxy: {
    readonly interMs: number;
    readonly fall: number;
    readonly rise: number;
    readonly timeoutMs: number;
  };
}

/** Patroni's built-in default for maximum_lag_on_failover (1 MiB). */
export const DEFAULT_MAX_LAG = 1048576;

/**
 * Defaults for everything, used when the lab's files are not available: Patroni's, etcd's and
 * HAProxy's own defaults (HAProxy: inter 2s, fall 3, rise 2; etcd: election-timeout 1000 ms).
 */
export const DEFAULT_PARAMS: SimParams = {
  ...PATRONI_TIMING_DEFAULTS,
  maximum_lag_on_failover: DEFAULT_MAX_LAG,
  synchronous_mode: false,
  nodes: ['node1', 'node2', 'node3'].map((name) => ({ name, nofailover: false, nosync: false })),
  etcd: ['etcd1', 'etcd2', 'etcd3'],
  etcdElectionMs: 1000,
  haproxy: { interMs: 2000, fall: 3, rise: 2, timeoutMs: 2000 },
};

/** What Patroni itself would do with timings that break the rule (it lowers loop_wait first). */
export function patroniAdjustment(ttl: number, retryTimeout: number): string {
  if (1 + 2 * retryTimeout > ttl) {
    return `Patroni would set loop_wait to 1 and retry_timeout to ${Math.floor((ttl - 1) / 2)} on its own`;
  }
  return `Patroni would lower loop_wait to ${ttl - 2 * retryTimeout} on its own`;
}

/**
 * The problems with the timing parameters, as sentences; empty when Patroni accepts them. The sum
 * rule is told only once each value is acceptable on its own: a slider shows one thing to fix.
 */
export function timingProblems(timing: Readonly<Record<TimingKey, number>>): string[] {
  const violations = timingViolations(timing);
  const ownRules = violations.filter((violation) => violation.rule !== 'loop-wait-plus-twice-retry-timeout');
  return (ownRules.length > 0 ? ownRules : violations).map((violation) => {
    switch (violation.rule) {
      case 'integer':
        return `${violation.key} must be a whole number of seconds (Patroni accepts integers only), not ${violation.value}.`;
      case 'minimum':
        return `${violation.key} = ${violation.value} is below Patroni's minimum of ${violation.minimum} seconds.`;
      case 'loop-wait-plus-twice-retry-timeout': {
        const { ttl, loopWait, retryTimeout, needed } = violation;
        return (
          `loop_wait + 2 × retry_timeout = ${loopWait} + 2 × ${retryTimeout} = ${needed} is more than ttl = ${ttl}. ` +
          `Patroni requires loop_wait + 2 × retry_timeout ≤ ttl, so that a primary that cannot renew its key demotes itself ` +
          `before the key can expire (${patroniAdjustment(ttl, retryTimeout)}).`
        );
      }
    }
  });
}

/** Every problem with a full parameter set; empty when it is valid. */
export function paramProblems(params: SimParams): string[] {
  const problems = timingProblems(params);
  if (!Number.isInteger(params.maximum_lag_on_failover) || params.maximum_lag_on_failover < 0) {
    problems.push(
      `maximum_lag_on_failover must be a whole number of bytes, 0 or more, not ${params.maximum_lag_on_failover}.`,
    );
  }
  if (params.nodes.length < 2 || params.nodes.length > 5) {
    problems.push(`The simulator needs 2 to 5 database nodes, not ${params.nodes.length}.`);
  }
  if (new Set(params.nodes.map((n) => n.name)).size !== params.nodes.length) {
    problems.push('Node names must be unique.');
  }
  if (params.etcd.length < 1 || params.etcd.length > 9) {
    problems.push(`The simulator needs 1 to 9 etcd members, not ${params.etcd.length}.`);
  }
  const { interMs, fall, rise, timeoutMs } = params.haproxy;
  if (!(interMs >= 100) || !(timeoutMs >= 100))
    problems.push('HAProxy check interval and timeout must be at least 100 ms.');
  if (!Number.isInteger(fall) || fall < 1 || !Number.isInteger(rise) || rise < 1) {
    problems.push('HAProxy fall and rise must be whole numbers of checks, 1 or more.');
  }
  if (!(params.etcdElectionMs >= 100)) problems.push('etcd election-timeout must be at least 100 ms.');
  return problems;
}

/** Throws one error listing every problem, or returns the parameters unchanged. */
export function assertValidParams(params: SimParams): SimParams {
  const problems = paramProblems(params);
  if (problems.length > 0) throw new Error(`Invalid simulator parameters:\n- ${problems.join('\n- ')}`);
  return params;
}
