import { describe, expect, it } from 'vitest';
import { checkPatroniTiming } from '../../src/lab/timing-rules.ts';
import { validatePatroni } from '../../src/lab/validate-patroni.ts';
import { fixture } from './read-fixture.ts';

const DOCS = 'https://patroni.readthedocs.io/en/latest/dynamic_configuration.html';

/** Each fixture breaks exactly one rule, so the whole result is one message. */
function messages(name: string): string[] {
  return validatePatroni(name, fixture(`patroni/${name}`)).problems.map((p) => p.message);
}

describe("Patroni's documented timing rules", () => {
  it('accepts the minimal valid fixture (ttl 30, loop_wait 10, retry_timeout 10: exactly on the limit)', () => {
    expect(messages('minimal-valid.yml')).toEqual([]);
  });

  it('rejects ttl below 20', () => {
    expect(messages('ttl-below-minimum.yml')).toEqual([
      `ttl-below-minimum.yml: bootstrap.dcs.ttl: ttl is 15, below Patroni's documented minimum of 20 (ttl >= 20, ${DOCS}). Fix: set ttl to 20 or more.`,
    ]);
  });

  it('rejects loop_wait below 1', () => {
    expect(messages('loop-wait-below-minimum.yml')).toEqual([
      `loop-wait-below-minimum.yml: bootstrap.dcs.loop_wait: loop_wait is 0, below Patroni's documented minimum of 1 (loop_wait >= 1, ${DOCS}). Fix: set loop_wait to 1 or more.`,
    ]);
  });

  it('rejects retry_timeout below 3', () => {
    expect(messages('retry-timeout-below-minimum.yml')).toEqual([
      `retry-timeout-below-minimum.yml: bootstrap.dcs.retry_timeout: retry_timeout is 2, below Patroni's documented minimum of 3 (retry_timeout >= 3, ${DOCS}). Fix: set retry_timeout to 3 or more.`,
    ]);
  });

  it('rejects loop_wait + 2 * retry_timeout > ttl and says how much ttl is needed', () => {
    expect(messages('sum-rule-violated.yml')).toEqual([
      `sum-rule-violated.yml: bootstrap.dcs.ttl: loop_wait + 2 * retry_timeout = 10 + 2 * 15 = 40, more than ttl = 30; Patroni requires loop_wait + 2 * retry_timeout <= ttl (${DOCS}). Fix: raise ttl to 40 or more, or lower loop_wait or retry_timeout.`,
    ]);
  });

  it('rejects a ttl that is not whole seconds (once, through the schema)', () => {
    expect(messages('ttl-not-whole-seconds.yml')).toEqual([
      'ttl-not-whole-seconds.yml: bootstrap.dcs.ttl: expected whole seconds.',
    ]);
  });

  it('checks values passed directly, with defaults for the missing ones', () => {
    // ttl 20 with the default loop_wait 10 and retry_timeout 10: 10 + 20 = 30 > 20.
    expect(checkPatroniTiming('cli', { ttl: 20 }).map((p) => p.rule)).toEqual(['loop-wait-plus-twice-retry-timeout']);
    expect(checkPatroniTiming('cli', { ttl: 20, loop_wait: 4, retry_timeout: 8 })).toEqual([]);
    expect(checkPatroniTiming('cli', { loop_wait: 2.5 }, 'dcs').map((p) => p.message)).toEqual([
      'cli: dcs.loop_wait: loop_wait is 2.5, but Patroni accepts whole seconds only. Fix: write an integer such as 10.',
    ]);
  });
});
