import { describe, expect, it } from 'vitest';
import { descendants, parseProcStat } from '../../scripts/cluster/faults/pause.ts';
import { classifyError, roleFromPatroni } from '../../scripts/cluster/faults/recorders.ts';

describe('parseProcStat', () => {
  it('reads state, parent and start time past a command name with spaces and parentheses', () => {
    const line = '2907 (postgres: node1 (x)) S 1 2907 2907 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 55123 1000 10';
    expect(parseProcStat(line)).toEqual({ pid: 2907, ppid: 1, startTime: 55123, state: 'S' });
  });

  it('returns undefined for a line that is not a stat line', () => {
    expect(parseProcStat('garbage')).toBeUndefined();
  });
});

describe('descendants', () => {
  const p = (pid: number, ppid: number) => ({ pid, ppid, startTime: pid, state: 'S' });

  it('lists the root, then its children and theirs, and nothing else', () => {
    const all = [p(1, 0), p(10, 1), p(11, 10), p(12, 10), p(13, 11), p(20, 1)];
    expect(descendants(all, 10).map((x) => x.pid)).toEqual([10, 11, 12, 13]);
  });

  it('is empty when the root is gone', () => {
    expect(descendants([p(1, 0)], 10)).toEqual([]);
  });
});

describe('classifyError', () => {
  it('counts a connection that was never made as failed: the write did not happen', () => {
    const stderr =
      'psql: error: connection to server at "127.0.0.30", port 5000 failed: server closed the connection unexpectedly';
    expect(classifyError(stderr, false)).toBe('failed');
  });

  it('counts a read-only server as failed', () => {
    expect(classifyError('ERROR:  cannot execute INSERT in a read-only transaction', false)).toBe('failed');
  });

  it('counts a connection lost mid-commit, or a timeout, as unknown', () => {
    expect(classifyError('FATAL:  terminating connection due to administrator command', false)).toBe('unknown');
    expect(classifyError('', true)).toBe('unknown');
  });
});

describe('roleFromPatroni', () => {
  it("says primary for Patroni 3's master and Patroni 4's primary", () => {
    expect(roleFromPatroni({ state: 'running', role: 'master' })).toBe('primary');
    expect(roleFromPatroni({ state: 'running', role: 'primary' })).toBe('primary');
  });

  it('gives the state while PostgreSQL is not running', () => {
    expect(roleFromPatroni({ state: 'stopping', role: 'master' })).toBe('stopping');
  });
});
