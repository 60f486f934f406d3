import { describe, expect, it } from 'vitest';
import type { RoleSample, WriteRecord } from '../../scripts/cluster/faults/check-history.ts';
import { LEADER_KEY, SYNC_STANDBY, phaseStats, scenarioFacts } from '../../scripts/cluster/faults/facts.ts';

const FAULT = 100_000;
const sample = (t: number, node: string, role: string): RoleSample => ({ t: FAULT + t, node, role });
const write = (end: number, node: string, latency = 20): WriteRecord => ({
  id: end,
  start: FAULT + end - latency,
  end: FAULT + end,
  outcome: 'ok',
  node,
  timeline: 1,
});

const SAMPLES = [
  sample(-1000, 'node1', 'primary'),
  sample(-1000, 'node2', 'replica'),
  sample(-1000, LEADER_KEY, 'node1'),
  sample(-1000, SYNC_STANDBY, 'node2'),
  sample(5000, 'node1', 'unreachable'),
  sample(21_000, LEADER_KEY, 'none'),
  sample(21_500, LEADER_KEY, 'node2'),
  sample(22_000, 'node2', 'primary'),
  sample(22_000, SYNC_STANDBY, 'none'),
  sample(25_000, 'node1', 'stopping'),
  sample(30_000, SYNC_STANDBY, 'node3'),
];

describe('scenarioFacts', () => {
  const facts = scenarioFacts({
    writes: [write(-500, 'node1'), write(23_000, 'node2'), write(24_000, 'node2')],
    samples: SAMPLES,
    faultAt: FAULT,
    endedAt: FAULT + 33_000,
    oldPrimary: 'node1',
    logEvents: [],
    frozen: [],
  });

  it('takes a demotion from the first answer that is not primary, skipping unreachable', () => {
    expect(facts.oldPrimaryDemotedAt).toBe(25);
  });

  it('finds the new primary, the leader key moving, and the first write elsewhere', () => {
    expect([facts.newPrimary, facts.newPrimaryAt, facts.leaderKeyMovedAt, facts.firstWriteElsewhereAt]).toEqual([
      'node2',
      22,
      21.5,
      23,
    ]);
  });

  it('sees the synchronous standby move to another node, not to none', () => {
    expect(facts.syncStandbyMovedAt).toBe(30);
  });

  it('counts acknowledged writes between two times after the fault', () => {
    expect([facts.ackedBetween(0, 23.5), facts.ackedBetween(-1, 30)]).toEqual([1, 3]);
  });
});

describe('phaseStats', () => {
  it('measures each phase by the writes acknowledged in it', () => {
    const writes = [write(1000, 'n', 10), write(2000, 'n', 30), write(11_000, 'n', 400), write(12_000, 'n', 600)];
    const marks = [
      { name: 'full speed', at: FAULT },
      { name: 'throttled', at: FAULT + 10_000 },
    ];
    expect(phaseStats(writes, marks, FAULT, FAULT + 14_000)).toEqual([
      { name: 'full speed', from: 0, to: 10, acknowledged: 2, perSecond: 0.2, p50Ms: 10, p95Ms: 30, maxMs: 30 },
      { name: 'throttled', from: 10, to: 14, acknowledged: 2, perSecond: 0.5, p50Ms: 400, p95Ms: 600, maxMs: 600 },
    ]);
  });
});
