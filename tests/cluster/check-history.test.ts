import { describe, expect, it } from 'vitest';
import {
  checkHistory,
  type HistoryInput,
  type RoleSample,
  type WriteRecord,
} from '../../scripts/cluster/faults/check-history.ts';

/** Times in these fixtures are milliseconds; the fault is injected at t = 10 000. */
const FAULT = 10_000;
const ok = (id: number, end: number, node: string, timeline = 1): WriteRecord => ({
  id,
  start: end - 20,
  end,
  outcome: 'ok',
  node,
  timeline,
});
const sample = (t: number, node: string, role: string): RoleSample => ({ t, node, role });

function input(writes: WriteRecord[], extra: Partial<HistoryInput> = {}): HistoryInput {
  return {
    writes,
    present: writes.filter((w) => w.outcome === 'ok').map((w) => w.id),
    samples: [],
    faultAt: FAULT,
    window: { from: 9000, to: 40_000 },
    ...extra,
  };
}

describe('checkHistory: lost writes', () => {
  it('reports an acknowledged write missing from the surviving primary', () => {
    const writes = [ok(1, 9500, 'node1'), ok(2, 9800, 'node1'), ok(3, 30_000, 'node2', 2)];
    const report = checkHistory(input(writes, { present: [1, 3] }));
    expect(report.lost).toEqual([2]);
  });

  it('never counts a write with an unknown outcome as lost, and notes when it did commit', () => {
    const writes: WriteRecord[] = [
      ok(1, 9500, 'node1'),
      { id: 2, start: 9900, end: 14_900, outcome: 'unknown' },
      { id: 3, start: 10_000, end: 10_010, outcome: 'failed' },
    ];
    const report = checkHistory(input(writes, { present: [1, 2] }));
    expect(report.lost).toEqual([]);
    expect(report.unknown).toBe(1);
    expect(report.failed).toBe(1);
    expect(report.unacknowledgedButPresent).toBe(1);
  });
});

describe('checkHistory: split brain', () => {
  it('finds none when one primary stops before the next starts', () => {
    const writes = [ok(1, 9000, 'node1'), ok(2, 11_000, 'node1'), ok(3, 30_000, 'node2', 2), ok(4, 31_000, 'node2', 2)];
    const report = checkHistory(input(writes));
    expect(report.splitBrain).toEqual([]);
    expect(report.terms).toEqual([
      { node: 'node1', timeline: 1, from: -1, to: 1, writes: 2 },
      { node: 'node2', timeline: 2, from: 20, to: 21, writes: 2 },
    ]);
  });

  it('reports two primaries that acknowledged writes in overlapping time', () => {
    const writes = [ok(1, 9000, 'node1'), ok(2, 30_000, 'node2', 2), ok(3, 31_000, 'node1'), ok(4, 32_000, 'node2', 2)];
    const report = checkHistory(input(writes));
    expect(report.splitBrain).toEqual([{ a: 'node1 tl 1', b: 'node2 tl 2', from: 20, to: 21, writes: 2 }]);
  });

  it('treats the same node on a new timeline as a new primary term', () => {
    const writes = [ok(1, 9000, 'node1', 1), ok(2, 30_000, 'node1', 3)];
    expect(checkHistory(input(writes)).terms.map((t) => `${t.node}/${t.timeline}`)).toEqual(['node1/1', 'node1/3']);
  });
});

describe('checkHistory: the longest gap', () => {
  it('measures the longest stretch without an acknowledged write, up to the window edges', () => {
    const writes = [ok(1, 9500, 'node1'), ok(2, 10_000, 'node1'), ok(3, 34_000, 'node2', 2), ok(4, 34_500, 'node2', 2)];
    expect(checkHistory(input(writes)).longestGap).toEqual({ from: 0, to: 24, seconds: 24 });
  });

  it('runs to the end of the window when writes never resume', () => {
    const writes = [ok(1, 9500, 'node1')];
    expect(checkHistory(input(writes)).longestGap).toEqual({ from: -0.5, to: 30, seconds: 30.5 });
  });
});

describe('checkHistory: roles', () => {
  it('lists each role change after the first sample of each node', () => {
    const samples = [
      sample(9000, 'node1', 'primary'),
      sample(9000, 'node2', 'replica'),
      sample(20_000, 'node1', 'stopping'),
      sample(30_000, 'node2', 'primary'),
      sample(31_000, 'node1', 'replica'),
    ];
    const report = checkHistory(input([], { samples }));
    expect(report.initialRoles).toEqual({ node1: 'primary', node2: 'replica' });
    expect(report.roleChanges).toEqual([
      { t: 10, node: 'node1', from: 'primary', to: 'stopping' },
      { t: 20, node: 'node2', from: 'replica', to: 'primary' },
      { t: 21, node: 'node1', from: 'stopping', to: 'replica' },
    ]);
    expect(report.concurrentPrimaries).toEqual([]);
  });

  it('reports the stretch in which two nodes said they were primary', () => {
    const samples = [
      sample(9000, 'node1', 'primary'),
      sample(9000, 'node2', 'replica'),
      sample(30_000, 'node2', 'primary'),
      sample(32_000, 'node1', 'stopping'),
    ];
    expect(checkHistory(input([], { samples })).concurrentPrimaries).toEqual([
      { from: 20, to: 22, seconds: 2, nodes: ['node1', 'node2'] },
    ]);
  });
});
