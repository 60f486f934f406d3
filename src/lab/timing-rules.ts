import { problem, type Problem } from './problem.ts';

/**
 * Patroni's documented constraints on its three timing parameters, from
 * https://patroni.readthedocs.io/en/latest/dynamic_configuration.html :
 *   - loop_wait: default 10, "minimum possible value: 1"
 *   - ttl: default 30, "minimum possible value: 20"
 *   - retry_timeout: default 10, "minimum possible value: 3"
 *   - and, when changing any of them, "loop_wait + 2 * retry_timeout <= ttl".
 * Patroni's own validator also requires all three to be integers.
 * Why the sum rule: a leader that cannot reach etcd keeps retrying for
 * retry_timeout, and may be in the middle of a loop_wait sleep when the
 * trouble starts; its lock must outlive both, or a healthy leader loses the
 * lock to a short DCS hiccup and the cluster fails over for nothing.
 */
export const PATRONI_TIMING_DOCS = 'https://patroni.readthedocs.io/en/latest/dynamic_configuration.html';

export const PATRONI_TIMING_DEFAULTS = { ttl: 30, loop_wait: 10, retry_timeout: 10 } as const;

export const PATRONI_TIMING_MINIMUMS = { ttl: 20, loop_wait: 1, retry_timeout: 3 } as const;

export interface PatroniTiming {
  readonly ttl: number;
  readonly loop_wait: number;
  readonly retry_timeout: number;
}

type TimingKey = keyof PatroniTiming;

const TIMING_KEYS: readonly TimingKey[] = ['ttl', 'loop_wait', 'retry_timeout'];

/**
 * Checks the timing values of one Patroni file. `prefix` is where the keys
 * live in that file (`bootstrap.dcs` in a node file), used in the messages.
 * Missing values take Patroni's defaults, as Patroni itself does.
 */
export function checkPatroniTiming(file: string, values: Partial<PatroniTiming>, prefix = 'bootstrap.dcs'): Problem[] {
  const problems: Problem[] = [];
  const timing = { ...PATRONI_TIMING_DEFAULTS, ...values };
  for (const key of TIMING_KEYS) {
    const value = timing[key];
    const min = PATRONI_TIMING_MINIMUMS[key];
    if (!Number.isInteger(value)) {
      problems.push(
        problem(
          file,
          `${prefix}.${key}`,
          `${key}-integer`,
          `${key} is ${String(value)}, but Patroni accepts whole seconds only. Fix: write an integer such as ${PATRONI_TIMING_DEFAULTS[key]}.`,
        ),
      );
    } else if (value < min) {
      problems.push(
        problem(
          file,
          `${prefix}.${key}`,
          `${key}-minimum`,
          `${key} is ${value}, below Patroni's documented minimum of ${min} (${key} >= ${min}, ${PATRONI_TIMING_DOCS}). Fix: set ${key} to ${min} or more.`,
        ),
      );
    }
  }
  const { ttl, loop_wait: loopWait, retry_timeout: retryTimeout } = timing;
  const needed = loopWait + 2 * retryTimeout;
  if (TIMING_KEYS.every((key) => Number.isInteger(timing[key])) && needed > ttl) {
    problems.push(
      problem(
        file,
        `${prefix}.ttl`,
        'loop-wait-plus-twice-retry-timeout',
        `loop_wait + 2 * retry_timeout = ${loopWait} + 2 * ${retryTimeout} = ${needed}, more than ttl = ${ttl}; Patroni requires loop_wait + 2 * retry_timeout <= ttl (${PATRONI_TIMING_DOCS}). Fix: raise ttl to ${needed} or more, or lower loop_wait or retry_timeout.`,
      ),
    );
  }
  return problems;
}
