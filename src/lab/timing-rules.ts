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

export type TimingKey = keyof PatroniTiming;

export const TIMING_KEYS: readonly TimingKey[] = ['ttl', 'loop_wait', 'retry_timeout'];

/** One way a set of timing values breaks Patroni's rules. */
export type TimingViolation =
  | { readonly rule: 'integer'; readonly key: TimingKey; readonly value: number }
  | { readonly rule: 'minimum'; readonly key: TimingKey; readonly value: number; readonly minimum: number }
  | {
      readonly rule: 'loop-wait-plus-twice-retry-timeout';
      readonly ttl: number;
      readonly loopWait: number;
      readonly retryTimeout: number;
      /** loop_wait + 2 * retry_timeout, the least ttl the rule allows. */
      readonly needed: number;
    };

/**
 * Every rule that `timing` breaks, each key's own rules first (in TIMING_KEYS order), then the
 * sum rule, which is judged only when all three are integers. The lab's validator and the
 * simulator's sliders both ask here, and each words the answer for its reader. Pure, with no
 * imports of Node's, so the browser can use it too.
 */
export function timingViolations(timing: PatroniTiming): TimingViolation[] {
  const violations: TimingViolation[] = [];
  for (const key of TIMING_KEYS) {
    const value = timing[key];
    const minimum = PATRONI_TIMING_MINIMUMS[key];
    if (!Number.isInteger(value)) violations.push({ rule: 'integer', key, value });
    else if (value < minimum) violations.push({ rule: 'minimum', key, value, minimum });
  }
  const { ttl, loop_wait: loopWait, retry_timeout: retryTimeout } = timing;
  const needed = loopWait + 2 * retryTimeout;
  if (TIMING_KEYS.every((key) => Number.isInteger(timing[key])) && needed > ttl) {
    violations.push({ rule: 'loop-wait-plus-twice-retry-timeout', ttl, loopWait, retryTimeout, needed });
  }
  return violations;
}

/**
 * Checks the timing values of one Patroni file. `prefix` is where the keys
 * live in that file (`bootstrap.dcs` in a node file), used in the messages.
 * Missing values take Patroni's defaults, as Patroni itself does.
 */
export function checkPatroniTiming(file: string, values: Partial<PatroniTiming>, prefix = 'bootstrap.dcs'): Problem[] {
  return timingViolations({ ...PATRONI_TIMING_DEFAULTS, ...values }).map((violation) => {
    switch (violation.rule) {
      case 'integer': {
        const { key, value } = violation;
        return problem(
          file,
          `${prefix}.${key}`,
          `${key}-integer`,
          `${key} is ${String(value)}, but Patroni accepts whole seconds only. Fix: write an integer such as ${PATRONI_TIMING_DEFAULTS[key]}.`,
        );
      }
      case 'minimum': {
        const { key, value, minimum } = violation;
        return problem(
          file,
          `${prefix}.${key}`,
          `${key}-minimum`,
          `${key} is ${value}, below Patroni's documented minimum of ${minimum} (${key} >= ${minimum}, ${PATRONI_TIMING_DOCS}). Fix: set ${key} to ${minimum} or more.`,
        );
      }
      case 'loop-wait-plus-twice-retry-timeout': {
        const { ttl, loopWait, retryTimeout, needed } = violation;
        return problem(
          file,
          `${prefix}.ttl`,
          violation.rule,
          `loop_wait + 2 * retry_timeout = ${loopWait} + 2 * ${retryTimeout} = ${needed}, more than ttl = ${ttl}; Patroni requires loop_wait + 2 * retry_timeout <= ttl (${PATRONI_TIMING_DOCS}). Fix: raise ttl to ${needed} or more, or lower loop_wait or retry_timeout.`,
        );
      }
    }
  });
}
