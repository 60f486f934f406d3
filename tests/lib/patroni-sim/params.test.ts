import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/islands/patroni-sim/model.ts';
import { DEFAULT_PARAMS, paramProblems, timingProblems } from '../../../src/islands/patroni-sim/params.ts';
import { LAB_LIKE, withParams } from './support.ts';

describe('timing parameters, checked as Patroni does', () => {
  it.each([
    { ttl: 30, loop_wait: 10, retry_timeout: 10 },
    { ttl: 20, loop_wait: 2, retry_timeout: 9 },
    { ttl: 20, loop_wait: 1, retry_timeout: 3 },
    { ttl: 90, loop_wait: 30, retry_timeout: 30 },
  ])('accepts %j', (timing) => {
    expect(timingProblems(timing)).toEqual([]);
  });

  it.each([
    [{ ttl: 19, loop_wait: 5, retry_timeout: 5 }, "ttl = 19 is below Patroni's minimum of 20 seconds."],
    [{ ttl: 30, loop_wait: 0, retry_timeout: 5 }, "loop_wait = 0 is below Patroni's minimum of 1 seconds."],
    [{ ttl: 30, loop_wait: 5, retry_timeout: 2 }, "retry_timeout = 2 is below Patroni's minimum of 3 seconds."],
    [
      { ttl: 30.5, loop_wait: 5, retry_timeout: 5 },
      'ttl must be a whole number of seconds (Patroni accepts integers only), not 30.5.',
    ],
  ])('rejects %j', (timing, message) => {
    expect(timingProblems(timing)).toEqual([message]);
  });

  it('rejects loop_wait + 2 * retry_timeout > ttl and says what Patroni would lower', () => {
    const [problem, ...rest] = timingProblems({ ttl: 30, loop_wait: 11, retry_timeout: 10 });
    expect(rest).toEqual([]);
    expect(problem).toContain('loop_wait + 2 × retry_timeout = 11 + 2 × 10 = 31 is more than ttl = 30.');
    expect(problem).toContain('Patroni would lower loop_wait to 10 on its own');
  });

  it('names the retry_timeout Patroni would pick when loop_wait cannot go lower', () => {
    const [problem] = timingProblems({ ttl: 20, loop_wait: 5, retry_timeout: 10 });
    expect(problem).toContain('Patroni would set loop_wait to 1 and retry_timeout to 9 on its own');
  });

  it('rejects a negative maximum_lag_on_failover and broken HAProxy settings', () => {
    expect(paramProblems(withParams({ maximum_lag_on_failover: -1 }))).toEqual([
      'maximum_lag_on_failover must be a whole number of bytes, 0 or more, not -1.',
    ]);
    expect(paramProblems(withParams({ haproxy: { interMs: 1000, fall: 0, rise: 2, timeoutMs: 2000 } }))).toEqual([
      'HAProxy fall and rise must be whole numbers of checks, 1 or more.',
    ]);
  });

  it('refuses to simulate invalid parameters, listing every problem', () => {
    expect(() => createSimulation(withParams({ ttl: 10, loop_wait: 0 }), 1)).toThrow(
      "Invalid simulator parameters:\n- ttl = 10 is below Patroni's minimum of 20 seconds.\n- loop_wait = 0 is below Patroni's minimum of 1 seconds.",
    );
  });

  it("uses Patroni's, etcd's and HAProxy's defaults when nothing else is known", () => {
    expect(paramProblems(DEFAULT_PARAMS)).toEqual([]);
    expect(DEFAULT_PARAMS).toMatchObject({
      ttl: 30,
      loop_wait: 10,
      retry_timeout: 10,
      maximum_lag_on_failover: 1048576,
    });
    expect(paramProblems(LAB_LIKE)).toEqual([]);
  });
});
