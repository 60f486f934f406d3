import { describe, expect, it } from 'vitest';
import {
  evaluateQuorum,
  majority,
  quorumDotClass,
  quorumDots,
  quorumProblems,
  toleratedFailures,
} from '../../src/islands/quorum/quorum.ts';

describe('quorum arithmetic', () => {
  it('needs more than half of all members and tolerates floor((n - 1) / 2) failures', () => {
    const table = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [n, majority(n), toleratedFailures(n)]);
    expect(table).toEqual([
      [1, 1, 0],
      [2, 2, 0],
      [3, 2, 1],
      [4, 3, 1],
      [5, 3, 2],
      [6, 4, 2],
      [7, 4, 3],
      [8, 5, 3],
      [9, 5, 4],
    ]);
  });

  it('counts a majority of all members, not of those still up', () => {
    const ok = evaluateQuorum({ members: 3, down: 1, sideA: null });
    expect(ok.available).toBe(true);
    const lost = evaluateQuorum({ members: 3, down: 2, sideA: null });
    expect(lost.available).toBe(false);
    expect(lost.summary).toBe(
      'A majority of 3 is 2. 2 members are down. The cluster has 1 of 3 (no majority). No side has a majority: no leader, no writes, so Patroni can neither renew nor take its leader key.',
    );
  });

  it('gives a partition to the side with a majority, if any', () => {
    const split = evaluateQuorum({ members: 5, down: 0, sideA: 3 });
    expect(split.sides).toEqual([
      { name: 'side A', members: 3, hasMajority: true },
      { name: 'side B', members: 2, hasMajority: false },
    ]);
    expect(split.summary).toContain('Only side A can elect a leader and accept writes; the other side refuses them.');
    const even = evaluateQuorum({ members: 4, down: 0, sideA: 2 });
    expect(even.available).toBe(false);
    expect(evaluateQuorum({ members: 5, down: 1, sideA: 2 }).available).toBe(false);
  });

  it('explains why even sizes add cost without tolerance', () => {
    expect(evaluateQuorum({ members: 3, down: 0, sideA: null }).evenNote).toBeNull();
    expect(evaluateQuorum({ members: 4, down: 0, sideA: null }).evenNote).toBe(
      '4 members tolerate 1 failure, no more than 3 members do, yet a majority needs 3 instead of 2: one more machine to run and one more vote to wait for, and a split into two halves of 2 leaves neither side a majority.',
    );
    expect(evaluateQuorum({ members: 2, down: 0, sideA: null }).evenNote).toContain(
      '2 members tolerate 0 failures, no more than 1 member does',
    );
  });

  it('refuses impossible inputs', () => {
    expect(quorumProblems({ members: 10, down: 0, sideA: null })).toEqual(['Choose 1 to 9 members.']);
    expect(quorumProblems({ members: 3, down: 4, sideA: null })).toEqual(['Between 0 and 3 members can be down.']);
    expect(quorumProblems({ members: 5, down: 1, sideA: 5 })).toEqual([
      'Side A can hold 0 to 4 of the members that are up.',
    ]);
    expect(() => evaluateQuorum({ members: 0, down: 0, sideA: null })).toThrow('Choose 1 to 9 members.');
  });
});

describe('the members as drawn', () => {
  const draw = (members: number, down: number, sideA: number | null) => {
    const input = { members, down, sideA };
    return quorumDots(input, evaluateQuorum(input)).map((dot) => `${dot.state}${dot.inMajority ? '*' : ''}${dot.mark}`);
  };

  it('marks the members that are up as a majority while enough are up', () => {
    expect(draw(3, 1, null)).toEqual(['up*', 'up*', 'down×']);
    expect(draw(3, 2, null)).toEqual(['up', 'down×', 'down×']);
  });

  it('letters the sides of a partition and marks only the side with a majority', () => {
    expect(draw(5, 0, 3)).toEqual(['a*A', 'a*A', 'a*A', 'bB', 'bB']);
    expect(draw(5, 1, 1)).toEqual(['aA', 'b*B', 'b*B', 'b*B', 'down×']);
  });

  it('never counts a member that is down towards a majority', () => {
    expect(draw(5, 2, 0)).toEqual(['b*B', 'b*B', 'b*B', 'down×', 'down×']);
  });

  it('gives each state its class', () => {
    expect(quorumDotClass({ state: 'a', inMajority: true, mark: 'A' })).toBe(
      'cde-quorum__dot cde-quorum__dot--a cde-quorum__dot--majority',
    );
    expect(quorumDotClass({ state: 'down', inMajority: false, mark: '×' })).toBe(
      'cde-quorum__dot cde-quorum__dot--down',
    );
  });
});
