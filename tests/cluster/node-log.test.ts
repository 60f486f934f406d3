import { describe, expect, it } from 'vitest';
import { parseNodeLog, writableOverlaps, writableSpans } from '../../scripts/cluster/faults/node-log.ts';

/** Lines as PostgreSQL 15 and Patroni 3.0 wrote them in a real run (node2 demoted, node1 promoted). */
const NODE2 = [
  '2026-12-04 23:37:13,410 INFO: demoting self because DCS is not accessible and I was a leader',
  '2026-12-04 23:37:23,459 INFO: Demoting self (offline)',
  '2026-12-04 23:37:24.009 UTC [2907] LOG:  received fast shutdown request',
  '2026-12-04 23:37:40.623 UTC [6220] LOG:  database system is ready to accept read-only connections',
].join('\n');
const NODE1 = [
  '2026-12-04 23:36:46.983 UTC [3208] LOG:  database system is ready to accept read-only connections',
  'server promoting',
  '2026-12-04 23:37:24.262 UTC [3223] LOG:  received promote request',
  '2026-12-04 23:37:24,248 INFO: promoted self to leader by acquiring session lock',
  '2026-12-04 23:37:24.551 UTC [3208] LOG:  database system is ready to accept connections',
].join('\n');
const at = (time: string) => Date.parse(`2026-12-04T${time}Z`);

describe('parseNodeLog', () => {
  it("reads PostgreSQL's UTC timestamps to the millisecond", () => {
    expect(parseNodeLog('node2', NODE2).filter((e) => e.kind === 'shutdown-requested')).toEqual([
      { t: at('23:37:24.009'), node: 'node2', kind: 'shutdown-requested' },
    ]);
  });

  it('finds the promotion, the lock and the first read-write start, in time order', () => {
    expect(parseNodeLog('node1', NODE1).map((e) => e.kind)).toEqual([
      'read-only',
      'lock-acquired',
      'promote-requested',
      'writable',
    ]);
  });

  it("takes Patroni's decision to demote, not its later 'Demoting self' line", () => {
    expect(parseNodeLog('node2', NODE2).filter((e) => e.kind === 'demote-decided')).toHaveLength(1);
  });

  it('applies a numeric time zone offset', () => {
    const line = '2026-12-04 23:37:24.009 +01 [2907] LOG:  received fast shutdown request';
    expect(parseNodeLog('n', line)[0]?.t).toBe(at('22:37:24.009'));
  });

  it('skips lines it does not know', () => {
    expect(parseNodeLog('n', 'pg_rewind: servers diverged\n\n127.0.0.22:5432 - accepting connections')).toEqual([]);
  });
});

describe('writableSpans and writableOverlaps', () => {
  const events = [...parseNodeLog('node2', NODE2), ...parseNodeLog('node1', NODE1)];
  const faultAt = at('23:37:03.300');

  it('ends the old primary at its shutdown request and starts the new one when it is ready', () => {
    expect(writableSpans(events, 'node2', faultAt)).toEqual([
      { node: 'node2', from: faultAt, to: at('23:37:24.009') },
      { node: 'node1', from: at('23:37:24.551'), to: null },
    ]);
    expect(writableOverlaps(writableSpans(events, 'node2', faultAt), at('23:38:00.000'))).toEqual([]);
  });

  it('finds the overlap when the old primary stopped after the new one started', () => {
    const late = [
      ...parseNodeLog('node1', NODE1),
      { t: at('23:37:26.000'), node: 'node2', kind: 'shutdown-requested' as const },
    ];
    expect(writableOverlaps(writableSpans(late, 'node2', faultAt), at('23:38:00.000'))).toEqual([
      { nodes: ['node2', 'node1'], from: at('23:37:24.551'), to: at('23:37:26.000') },
    ]);
  });

  it('cuts out the time a node was paused: it accepted nothing then', () => {
    const late = [
      ...parseNodeLog('node1', NODE1),
      { t: at('23:37:50.000'), node: 'node2', kind: 'shutdown-requested' as const },
    ];
    const frozen = [{ node: 'node2', from: at('23:37:05.000'), to: at('23:37:48.500') }];
    expect(writableOverlaps(writableSpans(late, 'node2', faultAt, frozen), at('23:38:00.000'))).toEqual([
      { nodes: ['node1', 'node2'], from: at('23:37:48.500'), to: at('23:37:50.000') },
    ]);
  });
});
