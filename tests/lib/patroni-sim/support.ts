import { DEFAULT_PARAMS, type SimParams } from '../../../src/islands/patroni-sim/params.ts';

/** The lab's shape: Patroni's default timings, HAProxy checking every second (fall 3, rise 2). */
export const LAB_LIKE: SimParams = {
  ...DEFAULT_PARAMS,
  haproxy: { interMs: 1000, fall: 3, rise: 2, timeoutMs: 2000 },
};

export function withParams(changes: Partial<SimParams>): SimParams {
  return { ...LAB_LIKE, ...changes };
}

export function tagged(tags: Record<string, { nofailover?: boolean; nosync?: boolean }>): SimParams['nodes'] {
  return LAB_LIKE.nodes.map((n) => ({ ...n, ...tags[n.name] }));
}
