import { describe, expect, it } from 'vitest';
import { checkHistory } from '../../scripts/cluster/faults/check-history.ts';
import {
  CLAIMS,
  checkClaim,
  checkClaims,
  claimsPass,
  type ScenarioFacts,
  type ScenarioOutcome,
} from '../../scripts/cluster/faults/claims.ts';
import type { WriteRecord } from '../../scripts/cluster/faults/check-history.ts';
import { SCENARIOS } from '../../scripts/cluster/faults/scenarios.ts';

const TIMING = { ttl: 30, loop_wait: 10, retry_timeout: 10 };
const EMPTY_REPORT = checkHistory({ writes: [], present: [], samples: [], faultAt: 0, window: { from: 0, to: 1 } });

/** A primary cut off at t = 0 that stopped at 20.7 s, while node1 took over at 21.3 s. */
const FAILOVER: ScenarioFacts = {
  oldPrimary: 'node2',
  oldPrimaryDemotedAt: 21.1,
  newPrimary: 'node1',
  newPrimaryAt: 21.6,
  leaderKeyMovedAt: 21.0,
  leaderKeyGoneAt: 20.9,
  firstWriteElsewhereAt: 22.9,
  endedAt: 33,
  syncStandbyMovedAt: null,
  oldPrimaryStoppedWritesAt: 20.7,
  newPrimaryWritableAt: 21.3,
  lockAcquiredAt: 21.0,
  writableOverlapSeconds: 0,
  ackedBetween: () => 0,
};

function outcome(facts: Partial<ScenarioFacts>, extra: Partial<ScenarioOutcome> = {}): ScenarioOutcome {
  return {
    report: EMPTY_REPORT,
    facts: { ...FAILOVER, ...facts },
    synchronousMode: true,
    timing: TIMING,
    maximumLagOnFailover: 1048576,
    rowBytes: 200,
    lostAckedAt: [],
    ...extra,
  };
}

describe('claims', () => {
  it('each names the page and heading that make it', () => {
    for (const claim of Object.values(CLAIMS)) {
      expect(claim.page).toMatch(/^\/articles\/[a-z0-9-]+\/$/);
      expect(claim.anchor).toMatch(/^[a-z0-9_-]+$/);
    }
  });
});

describe('self-fencing', () => {
  it('holds when the old primary stopped taking writes before the new one started', () => {
    expect(checkClaim('self-fencing', outcome({}))).toEqual({
      id: 'self-fencing',
      ok: true,
      detail: 'node2 stopped accepting writes at 20.7 s, 0.6 s before node1 started',
      gating: true,
    });
  });

  it('fails when the new primary accepted writes first', () => {
    expect(checkClaim('self-fencing', outcome({ oldPrimaryStoppedWritesAt: 25 })).detail).toBe(
      'node1 accepted writes from 21.3 s, before node2 stopped at 25.0 s',
    );
  });

  it('fails when the old primary never stopped while cut off', () => {
    const result = checkClaim('self-fencing', outcome({ oldPrimaryStoppedWritesAt: null, oldPrimaryDemotedAt: 40 }));
    expect(result).toEqual({
      id: 'self-fencing',
      ok: false,
      detail: 'node2 kept accepting writes while it could not reach etcd',
      gating: true,
    });
  });

  it("falls back on the poller's samples when the log has no shutdown line", () => {
    const result = checkClaim('self-fencing', outcome({ oldPrimaryStoppedWritesAt: null, newPrimaryWritableAt: null }));
    expect(result.detail).toBe('node2 stopped accepting writes at 21.1 s, 0.5 s before node1 started');
  });
});

describe('sync-no-loss and async-loss-bounded', () => {
  const lostReport = checkHistory({
    writes: [{ id: 7, start: 0, end: 5, outcome: 'ok', node: 'node2', timeline: 1 }],
    present: [],
    samples: [],
    faultAt: 0,
    window: { from: 0, to: 10 },
  });

  it('fails synchronous mode on a lost acknowledged write', () => {
    expect(checkClaim('sync-no-loss', outcome({}, { report: lostReport })).detail).toBe(
      '1 acknowledged writes are missing: 7',
    );
  });

  it('does not apply with synchronous_mode off', () => {
    expect(checkClaim('sync-no-loss', outcome({}, { report: lostReport, synchronousMode: false })).ok).toBe(true);
  });

  it('accepts asynchronous loss from the last ttl seconds before the takeover', () => {
    const result = checkClaim('async-loss-bounded', outcome({}, { report: lostReport, lostAckedAt: [0.005] }));
    expect(result.detail).toBe('1 acknowledged writes lost, all from the last ttl seconds before the takeover');
  });

  it("refuses the loss of writes acknowledged after the takeover (the new primary's)", () => {
    const result = checkClaim('async-loss-bounded', outcome({}, { report: lostReport, lostAckedAt: [25, 26] }));
    expect(result).toEqual({
      id: 'async-loss-bounded',
      ok: false,
      detail: '2 lost writes were acknowledged after the takeover at 21.0 s',
      gating: true,
    });
  });

  it('refuses older loss beyond maximum_lag_on_failover', () => {
    const many = Array.from({ length: 6000 }, () => -40);
    const result = checkClaim('async-loss-bounded', outcome({}, { report: lostReport, lostAckedAt: many }));
    expect(result.ok).toBe(false);
  });
});

describe('etcd claims', () => {
  it('quorum loss: holds when the primary demoted, nobody promoted and no write went through', () => {
    const facts = {
      newPrimary: null,
      newPrimaryAt: null,
      newPrimaryWritableAt: null,
      leaderKeyMovedAt: null,
      endedAt: 35,
    };
    expect(checkClaim('quorum-loss-refuses-writes', outcome(facts)).ok).toBe(true);
  });

  it('quorum loss: fails on a write acknowledged after the demotion', () => {
    const facts = {
      newPrimaryAt: null,
      newPrimaryWritableAt: null,
      endedAt: 35,
      ackedBetween: (from: number) => (from < 30 ? 3 : 0),
    };
    expect(checkClaim('quorum-loss-refuses-writes', outcome(facts)).detail).toBe(
      '3 writes were acknowledged after the demotion, before etcd came back',
    );
  });

  it('failsafe: fails when the primary demoted during the outage', () => {
    expect(checkClaim('failsafe-keeps-primary', outcome({ endedAt: 35 })).detail).toBe(
      'node2 stopped accepting writes at 20.7 s despite failsafe_mode',
    );
  });

  it('failsafe: holds when the primary kept writing to the end of the outage', () => {
    const facts = { oldPrimaryStoppedWritesAt: null, oldPrimaryDemotedAt: null, endedAt: 35, ackedBetween: () => 40 };
    expect(checkClaim('failsafe-keeps-primary', outcome(facts)).ok).toBe(true);
  });

  it('one member lost: fails when the leader key moved', () => {
    const facts = { oldPrimaryStoppedWritesAt: null, oldPrimaryDemotedAt: null, leaderKeyMovedAt: 12 };
    expect(checkClaim('etcd-survives-one', outcome(facts)).detail).toBe(
      'the leader key moved at 12.0 s with two etcd members up',
    );
  });
});

describe('sync-standby-replaced', () => {
  it('fails when Patroni never named another synchronous standby', () => {
    expect(checkClaim('sync-standby-replaced', outcome({})).ok).toBe(false);
  });

  it('holds when another replica became synchronous and commits went on', () => {
    const facts = { syncStandbyMovedAt: 30, ackedBetween: () => 12 };
    expect(checkClaim('sync-standby-replaced', outcome(facts)).detail).toBe(
      'another replica became synchronous at 30.0 s; commits went on',
    );
  });
});

/**
 * The paused primary as the real run saw it (issue 20): node1 frozen at t = 0, node3 took the key at
 * 33.1 s and acknowledged writes from 35 s; node1 resumed at 40 s, took the key back and wrote on
 * its old timeline, and node3's writes are gone.
 */
describe('a paused primary: what gates the run and what is only observed', () => {
  const PAUSED: Partial<ScenarioFacts> = {
    oldPrimary: 'node1',
    oldPrimaryStoppedWritesAt: null,
    oldPrimaryDemotedAt: null,
    newPrimary: 'node3',
    newPrimaryAt: 34.5,
    newPrimaryWritableAt: 34,
    lockAcquiredAt: 33.1,
    leaderKeyMovedAt: 33.5,
    leaderKeyGoneAt: 33.5,
    firstWriteElsewhereAt: 35,
    endedAt: 40,
  };
  const ack = (id: number, at: number, node: string, timeline: number): WriteRecord => ({
    id,
    start: at - 20,
    end: at,
    outcome: 'ok',
    node,
    timeline,
  });
  const before = Array.from({ length: 10 }, (_, i) => ack(i + 1, -5000 + i * 500, 'node1', 1));
  const node3 = Array.from({ length: 47 }, (_, i) => ack(i + 11, 35_000 + i * 100, 'node3', 2));
  const resumed = Array.from({ length: 3 }, (_, i) => ack(i + 58, 40_500 + i * 100, 'node1', 1));
  const writes = [...before, ...node3, ...resumed];
  const report = checkHistory({
    writes,
    // node1 kept its own rows; node3's 47 are not on it.
    present: [...before, ...resumed].map((w) => w.id),
    samples: [],
    faultAt: 0,
    window: { from: -5000, to: 45_000 },
  });
  const lostAckedAt = node3.map((w) => w.end / 1000);
  const paused = (facts: Partial<ScenarioFacts>, synchronousMode: boolean): ScenarioOutcome =>
    outcome({ ...PAUSED, ...facts }, { report, lostAckedAt, synchronousMode });
  const def = (id: string) => {
    const found = SCENARIOS.find((d) => d.id === id);
    if (!found) throw new Error(`no scenario ${id}`);
    return found;
  };

  it('the history shows the race: node3 lost 47 acknowledged writes, and two primaries overlapped', () => {
    expect(report.lost).toHaveLength(47);
    expect(report.splitBrain).toHaveLength(1);
  });

  it('passes, recording no-split-brain and the loss claim as observed and broken, when the takeover held', () => {
    for (const sync of [true, false]) {
      const d = def(sync ? 'primary-paused' : 'primary-paused-async');
      const claims = checkClaims(d.claims, d.observed, paused({}, sync));
      expect(claims.map((c) => [c.id, c.ok, c.gating])).toEqual([
        ['frozen-primary-replaced', true, true],
        ['no-split-brain', false, false],
        [sync ? 'sync-no-loss' : 'async-loss-bounded', false, false],
      ]);
      expect(claimsPass(claims)).toBe(true);
    }
  });

  it('fails when no replica took the key while the primary was frozen', () => {
    const d = def('primary-paused');
    const claims = checkClaims(d.claims, d.observed, paused({ lockAcquiredAt: 41, leaderKeyMovedAt: 41 }, true));
    expect(claims[0]).toEqual({
      id: 'frozen-primary-replaced',
      ok: false,
      detail: 'no other node took the leader key while node1 was frozen',
      gating: true,
    });
    expect(claimsPass(claims)).toBe(false);
  });

  it("fails when a replica took the key before the frozen primary's key could expire", () => {
    const result = checkClaim('frozen-primary-replaced', paused({ lockAcquiredAt: 12 }, true));
    expect(result.ok).toBe(false);
    expect(result.detail).toBe(
      "node3 took the leader key at 12.0 s, before node1's key could expire (ttl - loop_wait = 20.0 s)",
    );
  });

  it('fails when no write reached the new primary before the resume', () => {
    expect(checkClaim('frozen-primary-replaced', paused({ firstWriteElsewhereAt: null }, false)).ok).toBe(false);
  });

  it('a broken gating claim of any other scenario still fails it', () => {
    const d = def('primary-cut-off');
    expect(d.observed).toEqual([]);
    const claims = checkClaims(d.claims, d.observed, outcome({}, { report }));
    expect(claims.find((c) => c.id === 'no-split-brain')).toMatchObject({ ok: false, gating: true });
    expect(claimsPass(claims)).toBe(false);
  });

  it('only the pause scenarios observe claims without gating on them', () => {
    expect(SCENARIOS.filter((d) => d.observed.length > 0).map((d) => d.id)).toEqual([
      'primary-paused',
      'primary-paused-async',
    ]);
  });
});
