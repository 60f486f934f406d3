import { describe, expect, it } from 'vitest';
import {
  at,
  crashedLine,
  opening,
  patroniStarting,
  routingLines,
  switchoverDoneLine,
} from '../../scripts/cluster/lab-narration.ts';

describe("the lab CLI's narration", () => {
  it('times every line from the crash, to a tenth of a second', () => {
    expect(at(24.63)).toBe('t=24.6 s');
    expect(crashedLine(0, 'node3', 30)).toBe(
      't=0.0 s: node3 crashed (Patroni and PostgreSQL killed with SIGKILL). Its leader key stays in etcd until its lease runs out (ttl = 30 s after the last renewal).',
    );
    expect(switchoverDoneLine(4.94, 'node2', 'node1')).toBe(
      'After 4.9 s HAProxy sends writes to node2; node1 restarts as a replica.',
    );
  });

  it('says whether it starts a new lab or resumes one, and what it starts', () => {
    expect(opening(false, '/tmp/cde-lab')).toBe('Starting the lab in /tmp/cde-lab.');
    expect(opening(true, '/tmp/cde-lab')).toBe('The lab is running; starting whatever has stopped.');
    expect(patroniStarting([], true)).toMatch(/^Patroni: starting nothing \(all nodes run\);/);
  });

  it("shows where HAProxy's ports lead, or that they lead nowhere", () => {
    expect(
      routingLines({ host: '127.0.0.30', port: 5000, node: 'node3' }, { host: '127.0.0.30', port: 5001, node: null }),
    ).toBe('HAProxy 127.0.0.30:5000 (writes) → node3\nHAProxy 127.0.0.30:5001 (reads)  → no node');
  });
});
