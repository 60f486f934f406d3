import { describe, expect, it } from 'vitest';
import { inWindow, predictFailover } from '../../../src/islands/patroni-sim/predict.ts';
import { LAB_LIKE, withParams } from './support.ts';

describe('the predicted failover window', () => {
  it('is ttl - loop_wait to ttl + 1 s for the lock, plus promotion and HAProxy rise for routing', () => {
    // By hand: lock 30 - 10 + 0 = 20 to 30 + 0.5 + 0.5 = 31; routed 20 + 0.3 + 1 = 21.3 to 31 + 1.5 + 2 = 34.5.
    expect(predictFailover(LAB_LIKE)).toEqual({ lock: { min: 20, max: 31 }, routed: { min: 21.3, max: 34.5 } });
  });

  it('follows the settings', () => {
    const fast = predictFailover(withParams({ ttl: 20, loop_wait: 2, retry_timeout: 9 }));
    expect(fast.lock).toEqual({ min: 18, max: 21 });
    const slowChecks = predictFailover(withParams({ haproxy: { interMs: 3000, fall: 3, rise: 2, timeoutMs: 2000 } }));
    expect(slowChecks.routed).toEqual({ min: 23.3, max: 38.5 });
  });

  it('tells whether a measurement falls inside', () => {
    const { lock } = predictFailover(LAB_LIKE);
    expect([19.9, 20, 26, 31, 31.1].map((s) => inWindow(s, lock))).toEqual([false, true, true, true, false]);
  });
});
