import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFaultResults, type FaultResults } from '../../../src/lab/fault-results.ts';
import { checkFaultAgreement } from '../../../scripts/lib/fault-agreement.ts';
import { createSimulation } from '../../../src/islands/patroni-sim/model.ts';
import { inWindow } from '../../../src/islands/patroni-sim/predict.ts';
import { predictDemotion, predictPrimaryCut } from '../../../src/islands/patroni-sim/predict-faults.ts';
import { LAB_LIKE } from './support.ts';

/** Six scenarios trimmed from a real `npm run test:faults` run, and primary-paused-async from a later one. */
const FIXTURE = 'tests/fixtures/faults/measured.json';
const measured = (): FaultResults => parseFaultResults(readFileSync(FIXTURE, 'utf8'), FIXTURE);

describe('the predicted windows for a cut-off primary', () => {
  it('are worked out from the timers, the REST timeout and HAProxy', () => {
    // By hand: demote 10 to 10 + 2 * 10 = 30; lock 30 - 10 + 2 + 0 = 22 to 30 + 0.5 + 2 + 0.5 = 33;
    // routed 22 + 0.3 + 1 = 23.3 to 33 + 1.5 + 2 = 36.5.
    expect(predictPrimaryCut(LAB_LIKE)).toEqual({
      demote: { min: 10, max: 30 },
      lock: { min: 22, max: 33 },
      routed: { min: 23.3, max: 36.5 },
    });
  });

  it('hold every simulated run', () => {
    const p = predictPrimaryCut(LAB_LIKE);
    for (let seed = 1; seed <= 40; seed++) {
      const sim = createSimulation(LAB_LIKE, seed);
      sim.run(2000 + seed * 450);
      const cutAt = sim.t;
      sim.apply({ type: 'cut', node: 'node1' });
      sim.runUntil((s) => s.node('node1').pg !== 'primary');
      expect(inWindow((sim.t - cutAt) / 1000, p.demote), `seed ${seed}: demote`).toBe(true);
      sim.runUntil((s) => s.failover?.routedAt != null);
      const f = sim.failover;
      expect(inWindow(((f?.lockAt ?? 0) - cutAt) / 1000, p.lock), `seed ${seed}: lock`).toBe(true);
      expect(inWindow(((f?.routedAt ?? 0) - cutAt) / 1000, p.routed), `seed ${seed}: routed`).toBe(true);
    }
  });

  it('also bound the demotion when etcd loses its majority', () => {
    const window = predictDemotion(LAB_LIKE);
    for (let seed = 1; seed <= 20; seed++) {
      const sim = createSimulation(LAB_LIKE, seed);
      sim.run(2000 + seed * 450);
      const lostAt = sim.t;
      sim.apply({ type: 'etcd-stop', member: 'etcd1' });
      sim.apply({ type: 'etcd-stop', member: 'etcd2' });
      sim.runUntil((s) => s.node('node1').pg !== 'primary');
      expect(inWindow((sim.t - lostAt) / 1000, window), `seed ${seed}`).toBe(true);
    }
  });
});

describe('checkFaultAgreement', () => {
  it('accepts the measured run, and lists what the model does not cover', () => {
    const agreement = checkFaultAgreement(measured(), LAB_LIKE);
    expect(agreement.ok).toBe(true);
    expect(agreement.report).toContain('✔ primary-cut-off: old primary stops taking writes');
    expect(agreement.report).toContain('measured 12.4 s, predicted 10.0-30.0 s');
    expect(agreement.notModelled).toEqual(['sync-standby-throttled-then-cut', 'primary-isolated-with-clients-async']);
  });

  it("holds a paused primary's takeover to the cut's windows", () => {
    const results = measured();
    const rows = checkFaultAgreement(results, LAB_LIKE).rows.filter((r) => r.scenario.startsWith('primary-paused'));
    expect(rows.map((r) => `${r.scenario}: ${r.what}`)).toEqual([
      'primary-paused: another node holds the lock',
      'primary-paused: HAProxy sends writes to it',
      'primary-paused-async: another node holds the lock',
      'primary-paused-async: HAProxy sends writes to it',
    ]);
    expect(rows.every((r) => r.ok)).toBe(true);
    const paused = results.scenarios.find((s) => s.id === 'primary-paused');
    if (!paused) throw new Error('fixture');
    // Before the key could have expired: the model says nobody takes over that early.
    paused.facts.lockAcquiredAt = 12;
    expect(checkFaultAgreement(results, LAB_LIKE).report).toContain('✘ primary-paused: another node holds the lock');
  });

  it('refuses a lock taken outside the window, and says to fix the model', () => {
    const results = measured();
    const cut = results.scenarios.find((s) => s.id === 'primary-cut-off');
    if (!cut) throw new Error('fixture');
    cut.facts.lockAcquiredAt = 40;
    const agreement = checkFaultAgreement(results, LAB_LIKE);
    expect(agreement.ok).toBe(false);
    expect(agreement.report).toContain('✘ primary-cut-off: another node holds the lock');
    expect(agreement.report).toContain('fix the model (src/islands/patroni-sim/), not this check');
  });

  it('refuses a failover that happened without an etcd majority', () => {
    const results = measured();
    const lost = results.scenarios.find((s) => s.id === 'etcd-quorum-lost');
    if (!lost) throw new Error('fixture');
    lost.facts.newPrimaryWritableAt = 25;
    expect(
      checkFaultAgreement(results, LAB_LIKE).rows.find(
        (r) => r.scenario === 'etcd-quorum-lost' && r.what === 'another node takes over',
      ),
    ).toMatchObject({
      measured: 'at 25.0 s',
      ok: false,
    });
  });

  it('fails when no modelled scenario was measured', () => {
    const results = { ...measured(), scenarios: [] };
    expect(checkFaultAgreement(results, LAB_LIKE).ok).toBe(false);
  });
});
