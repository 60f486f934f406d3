import { describe, expect, it } from 'vitest';
import { checkHistory } from '../../scripts/cluster/faults/check-history.ts';
import { CLAIMS, checkClaim, type ScenarioFacts, type ScenarioOutcome } from '../../scripts/cluster/faults/claims.ts';

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
