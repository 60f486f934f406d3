import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  claimBoxHref,
  claimTally,
  evidenceFor,
  FaultResultsError,
  parseFaultResults,
  replicationLabel,
  summarize,
  tallyText,
  verdictLabel,
  type FaultResults,
} from '../../src/lab/fault-results.ts';

/**
 * Six scenarios trimmed from a real `npm run test:faults` run, and primary-paused-async from a later
 * one (transcripts left out); each claim's gating marker, and the pause scenarios' gating claim
 * (frozen-primary-replaced), added from the recorded facts when claims became gating or observed;
 * an empty `repairs` list added when the harness learned to repair (those runs needed none).
 */
const FIXTURE = 'tests/fixtures/faults/measured.json';
const text = readFileSync(FIXTURE, 'utf8');
const results: FaultResults = parseFaultResults(text, FIXTURE);
const scenario = (id: string) => {
  const found = results.scenarios.find((s) => s.id === id);
  if (!found) throw new Error(`no ${id} in the fixture`);
  return found;
};

describe('parseFaultResults', () => {
  it('names the file, the field and the fix when a field is wrong', () => {
    const broken = JSON.parse(text) as { scenarios: { group: string }[] };
    const first = broken.scenarios[0];
    if (first) first.group = 'weather';
    expect(() => parseFaultResults(JSON.stringify(broken), 'faults.json')).toThrow(FaultResultsError);
    expect(() => parseFaultResults(JSON.stringify(broken), 'faults.json')).toThrow(
      /^faults\.json: scenarios\.0\.group: .*run `npm run test:faults` to write it again\.$/,
    );
  });

  it('says when the file is not JSON at all', () => {
    expect(() => parseFaultResults('{', 'faults.json')).toThrow(
      /^faults\.json: not valid JSON \(.*\)\. Run `npm run test:faults` to write it again\.$/,
    );
  });
});

describe('summarize', () => {
  it('tells a partition by the old primary stopping, the key going and the new one starting', () => {
    expect(summarize(scenario('primary-cut-off'))).toBe(
      'node3 stopped taking writes at 12.4 s; its leader key was gone by 21.0 s; node2 accepted writes from 23.4 s.',
    );
  });

  it('tells a pause by how long the resumed primary still took writes', () => {
    expect(summarize(scenario('primary-paused'))).toBe(
      'node2 accepted writes from 30.2 s while node3 was paused; resumed at 40.0 s, node3 still took writes for 0.5 s before it stepped down.',
    );
  });

  it('tells a pause whose resumed primary never stepped down', () => {
    expect(summarize(scenario('primary-paused-async'))).toBe(
      'node3 accepted writes from 25.6 s while node1 was paused; resumed at 40.0 s, node1 did not step down: it was still primary when the scenario ended.',
    );
  });

  it('adds what the harness had to repair afterwards', () => {
    const paused = scenario('primary-paused-async');
    const repaired = {
      ...paused,
      repairs: [
        {
          t: 98.4,
          action: 'patronictl reinit --force --wait <scope> node3',
          why: 'Patroni reports node3 as "start failed"',
        },
      ],
    };
    expect(summarize(repaired)).toBe(
      `${summarize(paused)} Afterwards the harness had to step in: at 98.4 s it ran patronictl reinit --force --wait <scope> node3, because Patroni reports node3 as "start failed".`,
    );
  });

  it('tells etcd without a majority by the demotion and the absence of a new primary', () => {
    expect(summarize(scenario('etcd-quorum-lost'))).toBe(
      'node2 stopped taking writes at 14.6 s; no other node became primary; the fault ended at 39.1 s.',
    );
  });

  it('tells one etcd member lost by the primary staying', () => {
    expect(summarize(scenario('etcd-member-lost'))).toMatch(
      /^node\d stayed primary with the leader key; the fault ended at 38\.1 s\.$/,
    );
  });

  it('tells the slow standby by its phases', () => {
    expect(summarize(scenario('sync-standby-throttled-then-cut'))).toMatch(
      /^Full speed [\d.]+ commits\/s, median \d+ ms; throttled [\d.]+ commits\/s, median \d+ ms; after the cut, Patroni named another synchronous standby at 50\.7 s \(commits stalled until then: \d+ in [\d.]+ s\)\.$/,
    );
  });

  it('labels the replication mode', () => {
    expect(replicationLabel(scenario('primary-isolated-with-clients-async'))).toBe('asynchronous');
    expect(replicationLabel(scenario('primary-cut-off'))).toBe('synchronous');
  });
});

describe('evidenceFor', () => {
  it('lists every scenario that checked a claim, linked to its row on the page with its table', () => {
    const evidence = evidenceFor(results, 'sync-no-loss');
    expect(evidence.map((e) => e.href)).toEqual([
      '/articles/failover-and-split-brain/#fault-primary-cut-off',
      '/articles/failover-and-split-brain/#fault-primary-paused',
      '/articles/failover-and-split-brain/#fault-sync-standby-throttled-then-cut',
      '/articles/consensus-and-quorum/#fault-etcd-member-lost',
      '/articles/consensus-and-quorum/#fault-etcd-quorum-lost',
    ]);
    expect(evidence.every((e) => e.ok)).toBe(true);
  });

  it("marks the paused primary's split brain as observed, not a test, and the run as passed", () => {
    const evidence = evidenceFor(results, 'no-split-brain');
    const paused = evidence.filter((e) => e.scenario.group === 'pause');
    expect(paused.map((e) => [e.scenario.id, e.ok, e.gating])).toEqual([
      ['primary-paused', true, false],
      ['primary-paused-async', false, false],
    ]);
    expect(evidence.filter((e) => e.scenario.group !== 'pause').every((e) => e.gating)).toBe(true);
    expect(scenario('primary-paused-async').passed).toBe(true);
  });

  it('is empty for a claim nobody checked', () => {
    expect(evidenceFor(results, 'no-such-claim')).toEqual([]);
  });
});

describe('claimTally and tallyText', () => {
  it('counts the tests and the observations apart', () => {
    const evidence = evidenceFor(results, 'no-split-brain');
    const tally = claimTally(evidence);
    expect(tally).toEqual({
      tested: evidence.length - 2,
      held: evidence.length - 2,
      observed: 2,
      observedHeld: 1,
    });
    expect(tallyText(tally)).toBe(
      `held in ${tally.tested} of ${tally.tested} fault scenarios that test it; broke in 1 of 2 that observe it`,
    );
  });

  it('says contradicted when a tested claim broke, and leaves out observations there were none of', () => {
    expect(tallyText({ tested: 3, held: 2, observed: 0, observedHeld: 0 })).toBe(
      'contradicted in 1 of 3 fault scenarios that test it',
    );
    expect(tallyText({ tested: 1, held: 1, observed: 2, observedHeld: 2 })).toBe(
      'held in 1 of 1 fault scenarios that test it; held in 2 of 2 that observe it',
    );
  });
});

describe('claimBoxHref', () => {
  it("links to the claim's box beside the table of the first scenario that checked it", () => {
    expect(claimBoxHref(results, 'self-fencing')).toBe('/articles/failover-and-split-brain/#claim-self-fencing');
    expect(claimBoxHref(results, 'quorum-loss-refuses-writes')).toBe(
      '/articles/consensus-and-quorum/#claim-quorum-loss-refuses-writes',
    );
  });

  it('is null for a claim nobody checked', () => {
    expect(claimBoxHref(results, 'no-such-claim')).toBeNull();
  });
});

describe('verdictLabel', () => {
  it('says holds or contradicted for a tested claim, and marks an observed one', () => {
    expect(verdictLabel({ ok: true, gating: true })).toBe('holds');
    expect(verdictLabel({ ok: false, gating: true })).toBe('contradicted');
    expect(verdictLabel({ ok: true, gating: false })).toBe('observed, held this time');
    expect(verdictLabel({ ok: false, gating: false })).toBe('observed, broke this time');
  });
});
