/**
 * The inner half of `npm run test:faults` (the outer half, scripts/cluster/test-faults.ts, creates
 * the network and runs this inside the client host's namespace). Boots the lab, one daemon per host
 * namespace, then runs the fault scenarios one after another on the same cluster, waiting for it to
 * be whole again between them, and writes bench-results/faults.json. Exits non-zero when a
 * scenario fails or contradicts a claim of the site.
 *
 * Environment: CDE_FAULTS_STATE (the state directory), CDE_FAULTS_PLAN (the network plan, JSON).
 * Arguments: scenario ids to run (default: all), e.g. `-- primary-cut-off primary-paused`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  patronictlList,
  startEtcd,
  startHaproxy,
  startPatroni,
  stopAll,
  waitForHaproxy,
  waitForHealthy,
  type Healthy,
} from '../lab-cluster.ts';
import { findPostgresBinDir, prepareLab, REPO_ROOT, type LabLayout } from '../lab-layout.ts';
import { leaderKeyHolder, readPatroniKey } from '../etcd-client.ts';
import { appendFaultRun, FAULT_RUNS_FILE, raceOutcomes } from '../../../src/lab/fault-runs.ts';
import { parseFaultResults } from '../../../src/lab/fault-results.ts';
import { HarnessRun, seconds } from '../harness.ts';
import { clusterMembers } from '../patroni-client.ts';
import { sql } from '../postgres-client.ts';
import { ProcessBook } from '../process-book.ts';
import { postmasterOf } from '../processes.ts';
import { runCommand } from '../run-command.ts';
import { programVersions } from '../versions.ts';
import { sleep, waitFor, WaitTimeout } from '../wait-for.ts';
import { checkHistory, type HistoryReport } from './check-history.ts';
import { CLAIMS, checkClaims, claimsPass, type ClaimResult } from './claims.ts';
import { etcdLeaderMember, patroniKeyExists } from './etcd-status.ts';
import { phaseStats, scenarioFacts, type PhaseMark, type PhaseStats } from './facts.ts';
import { heal, type NetworkPlan } from './lab-network.ts';
import { narrate } from './narrate.ts';
import { parseNodeLog, type LogEvent } from './node-log.ts';
import { pauseTree, resume, type ProcStat } from './pause.ts';
import { repairsFor, type ClusterView, type Repair } from './repair.ts';
import { CREATE_HISTORY_TABLE, HISTORY_TABLE, HistoryWriter, RolePoller } from './recorders.ts';
import { SCENARIOS, type ScenarioContext, type ScenarioDef } from './scenarios.ts';

export const RESULTS_FILE = join(REPO_ROOT, 'bench-results/faults.json');
const PARTIAL_RESULTS_FILE = join(REPO_ROOT, 'bench-results/tmp/faults-partial.json');
/** PIDs stopped by a pause, for the outer half to resume if this process dies mid-scenario. */
export const PAUSED_FILE = 'paused.json';
const BASELINE_MS = 3000;
const WRITER = { clients: 2, pauseMs: 100, timeoutMs: 5000 } as const;
const POLL_MS = 500;
const WHOLE_TIMEOUT_MS = 180_000;
/** How long Patroni gets to make the cluster whole by itself before the harness looks for what to repair. */
const SELF_HEAL_MS = 90_000;

const say = (text: string) => process.stdout.write(`${text}\n`);

interface TimelineEvent {
  readonly t: number;
  readonly text: string;
}

export interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly synchronousMode: boolean;
  readonly failsafeMode: boolean;
  readonly fault: string;
  readonly passed: boolean;
  readonly error: string | null;
  /** What the scenario cost, from setting it up to the cluster being whole again. */
  readonly seconds: number;
  readonly oldPrimary: string;
  readonly facts: Record<string, number | string | null>;
  readonly history: Omit<HistoryReport, 'lost'> & { readonly lost: number; readonly lostIds: readonly number[] };
  readonly phases: readonly PhaseStats[];
  readonly events: readonly TimelineEvent[];
  /** The scenario's story, one line per event (narrate.ts). */
  readonly transcript: readonly string[];
  readonly claims: readonly ClaimResult[];
  /** What the harness had to repair to make the cluster whole again (repair.ts), seconds after the fault. */
  readonly repairs: readonly { readonly t: number; readonly action: string; readonly why: string }[];
}

function readPlan(): { plan: NetworkPlan; stateDir: string } {
  const stateDir = process.env['CDE_FAULTS_STATE'];
  const planJson = process.env['CDE_FAULTS_PLAN'];
  if (!stateDir || !planJson) throw new Error('run through `npm run test:faults`, which sets up the network first');
  return { plan: JSON.parse(planJson) as NetworkPlan, stateDir };
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

async function setDynamic(lab: LabLayout, settings: Record<string, string>): Promise<void> {
  const node = lab.nodes[0];
  if (!node) return;
  const args = Object.entries(settings).flatMap(([k, v]) => ['-s', `${k}=${v}`]);
  const result = await runCommand('patronictl', ['-c', node.configFile, 'edit-config', '--force', '-q', ...args], {
    timeoutMs: 30_000,
  });
  if (!result.ok) throw new Error(`patronictl edit-config ${args.join(' ')} failed: ${result.stdout}${result.stderr}`);
}

async function readPresent(lab: LabLayout, scenario: string): Promise<number[]> {
  const result = await sql(
    lab,
    lab.writeAddress,
    `SELECT id FROM ${HISTORY_TABLE} WHERE scenario = '${scenario}'`,
    30_000,
  );
  if (!result.ok) throw new Error(`could not read back the rows: ${result.stderr.trim()}`);
  return result.stdout.split('\n').filter(Boolean).map(Number);
}

class Runner {
  readonly lab: LabLayout;
  readonly plan: NetworkPlan;
  readonly book: ProcessBook;
  readonly stateDir: string;
  synchronousMode = true;
  failsafeMode = false;

  constructor(lab: LabLayout, plan: NetworkPlan, book: ProcessBook, stateDir: string) {
    this.lab = lab;
    this.plan = plan;
    this.book = book;
    this.stateDir = stateDir;
  }

  netnsOf = (name: string) => this.plan.hosts.find((h) => h.name === name)?.netns;

  async boot(): Promise<void> {
    const options = { detached: false, book: this.book, netnsOf: this.netnsOf };
    await startEtcd(this.lab, options, 60_000);
    for (const node of this.lab.nodes) startPatroni(this.lab, node, options);
    const healthy = await waitForHealthy(this.lab, this.lab.nodes, WHOLE_TIMEOUT_MS);
    // HAProxy runs on the client host: this process's own namespace.
    startHaproxy(this.lab, { detached: false, book: this.book });
    await waitForHaproxy(this.lab, healthy.leader, 60_000);
    const created = await sql(this.lab, this.lab.writeAddress, CREATE_HISTORY_TABLE, 30_000);
    if (!created.ok) throw new Error(`CREATE TABLE failed: ${created.stderr.trim()}`);
  }

  /**
   * One leader, every replica streaming (and a sync standby in synchronous mode), nothing repair.ts
   * would repair (in synchronous mode, a /sync key naming that leader), HAProxy agreeing. Patroni
   * gets SELF_HEAL_MS to get there by itself; then what is still wrong, and stays wrong ten seconds
   * later, is repaired and reported to `onRepair`.
   */
  async whole(onRepair: (repair: Repair) => void): Promise<string> {
    let healthy: Healthy;
    try {
      healthy = await this.wholeWithin(SELF_HEAL_MS);
    } catch (error) {
      const first = repairsFor(await this.view(), this.synchronousMode, this.lab.scope);
      await sleep(10_000);
      const second = repairsFor(await this.view(), this.synchronousMode, this.lab.scope);
      const needed = second.filter((r) => first.some((f) => f.why === r.why));
      if (needed.length === 0) throw error;
      for (const repair of needed) {
        say(`  not whole after ${SELF_HEAL_MS / 1000} s: ${repair.why}`);
        say(`  repairing: ${repair.action}`);
        onRepair(repair);
        await this.apply(repair);
      }
      healthy = await this.wholeWithin(WHOLE_TIMEOUT_MS);
    }
    await waitForHaproxy(this.lab, healthy.leader, 60_000);
    return healthy.leader;
  }

  /**
   * Healthy as waitForHealthy means it, with nothing left to repair. A healthy-looking cluster can
   * still carry a stale /sync key, by Patroni 3.0.2's code: if the promoted replica had already
   * named a synchronous standby and the resumed primary picks the same one, process_sync_replication
   * writes nothing, and GET /cluster lists that standby as sync_standby (from the key) while the key
   * names the promoted replica as leader.
   */
  private async wholeWithin(timeoutMs: number): Promise<Healthy> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const remaining = Math.max(1000, deadline - Date.now());
      const healthy = await waitForHealthy(this.lab, this.lab.nodes, remaining, this.synchronousMode);
      const pending = repairsFor(await this.view(), this.synchronousMode, this.lab.scope);
      if (pending.length === 0) return healthy;
      if (Date.now() >= deadline)
        throw new WaitTimeout(
          `timed out after ${Math.round(timeoutMs / 1000)} s waiting for a whole cluster (last seen: ${pending.map((r) => r.why).join('; ')})`,
        );
      await sleep(2000);
    }
  }

  private async view(): Promise<ClusterView> {
    return {
      leaderKey: await leaderKeyHolder(this.lab),
      syncKey: await readPatroniKey(this.lab, 'sync'),
      members: await clusterMembers(this.lab),
    };
  }

  private async apply(repair: Repair): Promise<void> {
    if (repair.kind === 'sync-key') {
      // Off: the leader deletes /sync at its next HA loop. On: it writes a fresh one naming itself.
      await setDynamic(this.lab, { synchronous_mode: 'false' });
      await waitFor('the leader to delete the /sync key', 60_000, async () =>
        (await readPatroniKey(this.lab, 'sync')) === null ? true : undefined,
      );
      await setDynamic(this.lab, { synchronous_mode: 'true' });
      return;
    }
    const node = this.lab.nodes[0];
    if (!node) return;
    const result = await runCommand(
      'patronictl',
      ['-c', node.configFile, 'reinit', '--force', '--wait', this.lab.scope, repair.node],
      { timeoutMs: WHOLE_TIMEOUT_MS },
    );
    if (!result.ok) throw new Error(`patronictl reinit ${repair.node} failed: ${result.stdout}${result.stderr}`);
  }

  async configure(def: ScenarioDef): Promise<void> {
    const changes: Record<string, string> = {};
    if (def.synchronousMode !== this.synchronousMode) changes['synchronous_mode'] = String(def.synchronousMode);
    if (def.failsafeMode !== this.failsafeMode) changes['failsafe_mode'] = String(def.failsafeMode);
    if (Object.keys(changes).length === 0) return;
    say(
      `  patronictl edit-config ${Object.entries(changes)
        .map(([k, v]) => `-s ${k}=${v}`)
        .join(' ')}`,
    );
    await setDynamic(this.lab, changes);
    this.synchronousMode = def.synchronousMode;
    this.failsafeMode = def.failsafeMode;
    if (def.failsafeMode) {
      // The leader writes the /failsafe key (the members it must reach) at its next HA loop.
      await waitFor('the leader to write the /failsafe key', 60_000, async () =>
        (await patroniKeyExists(this.lab, 'failsafe')) ? true : undefined,
      );
    }
    await waitFor(
      `Patroni to apply synchronous_mode=${def.synchronousMode}`,
      60_000,
      async () => {
        const members = await clusterMembers(this.lab);
        const sync = members.some((m) => m.role === 'sync_standby');
        return sync === def.synchronousMode ? true : undefined;
      },
      { intervalMs: 1000 },
    );
  }

  async run(def: ScenarioDef): Promise<ScenarioResult> {
    const started = Date.now();
    say(
      `\n▶ ${def.id}: ${def.title} (synchronous_mode ${def.synchronousMode ? 'on' : 'off'}${def.failsafeMode ? ', failsafe_mode on' : ''})`,
    );
    await this.configure(def);
    const repairs: { at: number; action: string; why: string }[] = [];
    const onRepair = (r: Repair) => repairs.push({ at: Date.now(), action: r.action, why: r.why });
    const leader = await this.whole(onRepair);
    const members = await clusterMembers(this.lab);
    const syncStandby = members.find((m) => m.role === 'sync_standby')?.name ?? null;
    const replicas = this.lab.nodes.map((n) => n.name).filter((n) => n !== leader);
    const otherReplica = replicas.find((n) => n !== syncStandby) ?? replicas[0] ?? '';
    const etcdLeader = (await etcdLeaderMember(this.lab)) ?? this.lab.etcd[0]?.name ?? '';

    const poller = new RolePoller(this.lab, this.plan, POLL_MS);
    const writer = new HistoryWriter(this.lab, def.id, { ...WRITER, payloadBytes: def.payloadBytes });
    const events: { at: number; text: string }[] = [];
    const marks: PhaseMark[] = [];
    let faultAt: number | null = null;
    let endedAt: number | null = null;
    let faultText = '';
    let paused: ProcStat[] = [];
    const frozen: { node: string; from: number; to: number }[] = [];
    const log = (text: string) => {
      events.push({ at: Date.now(), text });
      const t = faultAt === null ? '' : `t=${seconds(Date.now() - faultAt).toFixed(1)} s: `;
      say(`  ${t}${text}`);
    };
    let logEvents: LogEvent[] = [];
    const facts = () =>
      scenarioFacts({
        writes: writer.writes,
        samples: poller.samples,
        faultAt: faultAt ?? Date.now(),
        endedAt,
        oldPrimary: leader,
        logEvents,
        frozen,
      });
    const resumeAll = async () => {
      resume(paused);
      for (const f of frozen) if (f.to === Infinity) f.to = Date.now();
      paused = [];
      writeFileSync(join(this.stateDir, PAUSED_FILE), '[]\n');
    };
    const ctx: ScenarioContext = {
      plan: this.plan,
      timing: this.lab.timing,
      leader,
      syncStandby,
      otherReplica,
      etcdMembers: this.lab.etcd.map((m) => m.name),
      etcdLeader,
      fault: async (description, inject) => {
        faultAt = Date.now();
        faultText = description;
        await inject();
        log(description);
      },
      end: async (description, undo) => {
        await undo();
        endedAt = Date.now();
        log(description);
      },
      log,
      phase: (name) => marks.push({ name, at: Date.now() }),
      facts,
      until: async (what, timeoutMs, done) => {
        const deadline = Date.now() + timeoutMs;
        while (Date.now() < deadline) {
          if (done()) return true;
          await sleep(250);
        }
        log(`gave up waiting for ${what} after ${Math.round(timeoutMs / 1000)} s`);
        return false;
      },
      pause: async (name) => {
        const node = this.lab.nodes.find((n) => n.name === name);
        const patroni = this.book.find('patroni', name);
        if (!node || !patroni) throw new Error(`${name} is not a node this run started`);
        const postmaster = postmasterOf(node.dataDir);
        // The postmaster first, so that it forks nothing new while the rest stops.
        if (postmaster) paused.push(...pauseTree({ pid: postmaster.pid, marker: node.dataDir }));
        paused.push(...pauseTree(patroni));
        frozen.push({ node: name, from: Date.now(), to: Infinity });
        writeFileSync(join(this.stateDir, PAUSED_FILE), `${JSON.stringify(paused)}\n`);
      },
      resumeAll,
    };

    poller.start();
    writer.start();
    let error: string | null = null;
    try {
      await sleep(BASELINE_MS);
      say(`  leader ${leader}, synchronous standby ${syncStandby ?? 'none'}, etcd leader ${etcdLeader}`);
      await def.run(ctx);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      say(`  ✘ ${error}`);
    } finally {
      if (paused.length > 0) await resumeAll();
      await heal(this.plan);
      endedAt ??= Date.now();
    }
    let present: number[] = [];
    try {
      const newLeader = await this.whole((r) => {
        onRepair(r);
        log(`the harness repairs what Patroni left: ${r.why}; it runs ${r.action}`);
      });
      // Writes must flow again, through HAProxy, to the leader.
      const resumedAt = Date.now();
      await waitFor(`a write acknowledged by ${newLeader} after the fault ended`, 60_000, async () =>
        writer.writes.some((w) => w.outcome === 'ok' && w.end > resumedAt && w.node === newLeader) ? true : undefined,
      );
      await sleep(1000);
    } catch (e) {
      error ??= e instanceof Error ? e.message : String(e);
      say(`  ✘ ${error}`);
    }
    await writer.stop();
    await poller.stop();
    const windowEnd = Date.now();
    try {
      present = await readPresent(this.lab, def.id);
    } catch (e) {
      error ??= e instanceof Error ? e.message : String(e);
    }
    const at = faultAt ?? started;
    logEvents = this.lab.nodes
      .flatMap((n) => parseNodeLog(n.name, readLog(join(this.lab.logDir, `${n.name}.log`))))
      .filter((e) => e.t >= started);
    const report = checkHistory({
      writes: writer.writes,
      present,
      samples: poller.samples,
      faultAt: at,
      window: { from: writer.writes[0]?.start ?? at, to: windowEnd },
    });
    const f = facts();
    const ackedAt = new Map(writer.writes.filter((w) => w.outcome === 'ok').map((w) => [w.id, w.end]));
    const lostAckedAt = report.lost.map((id) => seconds((ackedAt.get(id) ?? at) - at));
    const claims =
      error === null
        ? checkClaims(def.claims, def.observed, {
            report,
            facts: f,
            synchronousMode: def.synchronousMode,
            timing: this.lab.timing,
            maximumLagOnFailover: 1048576,
            rowBytes: def.payloadBytes + 200,
            lostAckedAt,
          })
        : [];
    for (const c of claims)
      say(`  ${c.ok ? '✔' : '✘'} ${c.id}${c.gating ? '' : ' (observed, not gating)'}: ${c.detail}`);
    const resumedPrimary = this.primaryAfterResume(poller.samples, leader, endedAt, at);
    const result: ScenarioResult = {
      id: def.id,
      title: def.title,
      group: def.group,
      synchronousMode: def.synchronousMode,
      failsafeMode: def.failsafeMode,
      fault: faultText,
      passed: error === null && claimsPass(claims),
      error,
      seconds: seconds(Date.now() - started),
      oldPrimary: leader,
      facts: {
        oldPrimaryDemotedAt: f.oldPrimaryDemotedAt,
        newPrimary: f.newPrimary,
        newPrimaryAt: f.newPrimaryAt,
        leaderKeyMovedAt: f.leaderKeyMovedAt,
        leaderKeyGoneAt: f.leaderKeyGoneAt,
        firstWriteElsewhereAt: f.firstWriteElsewhereAt,
        endedAt: f.endedAt,
        syncStandbyBefore: syncStandby,
        syncStandbyMovedAt: f.syncStandbyMovedAt,
        etcdLeader,
        resumedStillPrimarySeconds: resumedPrimary,
        oldPrimaryStoppedWritesAt: f.oldPrimaryStoppedWritesAt,
        newPrimaryWritableAt: f.newPrimaryWritableAt,
        lockAcquiredAt: f.lockAcquiredAt,
        writableOverlapSeconds: f.writableOverlapSeconds,
      },
      history: { ...report, lost: report.lost.length, lostIds: report.lost },
      phases: faultAt === null ? [] : phaseStats(writer.writes, marks, at, windowEnd),
      events: events.map((e) => ({ t: seconds(e.at - at), text: e.text })),
      transcript: narrate({
        faultAt: at,
        until: windowEnd,
        actions: events,
        logEvents,
        samples: poller.samples,
        writes: writer.writes,
      }),
      claims,
      repairs: repairs.map((r) => ({ t: seconds(r.at - at), action: r.action, why: r.why })),
    };
    say(
      `  ${result.passed ? '✔' : '✘'} ${def.id}: longest write gap ${report.longestGap?.seconds ?? 0} s, ` +
        `${report.acknowledged} acknowledged, ${report.lost.length} lost, ${report.splitBrain.length} split-brain overlaps (${result.seconds} s)`,
    );
    return result;
  }

  /** How long the resumed old primary still reported itself primary (pause scenarios), or null. */
  private primaryAfterResume(
    samples: readonly { t: number; node: string; role: string }[],
    leader: string,
    endedAt: number | null,
    faultAt: number,
  ): number | null {
    if (endedAt === null) return null;
    const after = samples.filter((s) => s.node === leader && s.t >= endedAt).sort((a, b) => a.t - b.t);
    const firstPrimary = after.find((s) => s.role === 'primary');
    if (!firstPrimary) return null;
    const demoted = after.find((s) => s.t > firstPrimary.t && s.role !== 'primary' && s.role !== 'unreachable');
    return demoted ? seconds(demoted.t - endedAt) : seconds((after.at(-1)?.t ?? endedAt) - faultAt);
  }
}

async function main(): Promise<void> {
  const { plan, stateDir } = readPlan();
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown.length > 0)
    throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  const chosen = wanted.length > 0 ? SCENARIOS.filter((s) => wanted.includes(s.id)) : SCENARIOS;
  // Only a run of every scenario replaces the results the pages render; a partial run (scenario ids
  // given) writes beside them, in the ignored bench-results/tmp/.
  const run = new HarnessRun(chosen.length === SCENARIOS.length ? RESULTS_FILE : PARTIAL_RESULTS_FILE, 'faults');

  const lab = prepareLab(stateDir);
  const book = new ProcessBook(stateDir);
  const runner = new Runner(lab, plan, book, stateDir);
  const results: ScenarioResult[] = [];
  let error: string | null = null;
  const removeInterruptHandlers = run.onInterrupt(async () => {
    try {
      resume(JSON.parse(readFileSync(join(stateDir, PAUSED_FILE), 'utf8')) as ProcStat[]);
    } catch {
      // Nothing paused.
    }
    await stopAll(lab, book);
  });

  const versions = await programVersions(findPostgresBinDir());
  let bootSeconds = 0;
  try {
    await run.step(
      `Boot the lab: ${plan.hosts.map((h) => `${h.name} ${h.address}`).join(', ')}, each in its own network namespace`,
      async () => {
        const bootStarted = Date.now();
        await runner.boot();
        bootSeconds = run.elapsed(bootStarted);
        return { value: undefined, detail: `whole after ${bootSeconds} s` };
      },
    );
    say(await patronictlList(lab));
    for (const def of chosen) {
      const result = await runner.run(def);
      results.push(result);
      // A scenario that contradicts a claim fails the run, but the others still run and report.
      const held = result.claims.filter((c) => c.ok || !c.gating).length;
      run.record({
        name: def.id,
        ok: result.passed,
        seconds: result.seconds,
        detail: result.error ?? `${held} of ${result.claims.length} claims held or were only observed`,
      });
    }
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
    say(`✘ the run stopped: ${error}`);
  } finally {
    const stopped = await stopAll(lab, book);
    say(`\nStopped: ${stopped.join('; ') || 'nothing was running'}`);
    removeInterruptHandlers();
  }

  say('\nScenario                                   sync   cost    gap     acked   lost  split  claims');
  for (const r of results) {
    say(
      `${r.passed ? '✔' : '✘'} ${r.id.padEnd(40)} ${r.synchronousMode ? 'on ' : 'off'}  ${`${r.seconds} s`.padEnd(7)} ${`${r.history.longestGap?.seconds ?? 0} s`.padEnd(7)} ${String(r.history.acknowledged).padEnd(7)} ${String(r.history.lost).padEnd(5)} ${String(r.history.splitBrain.length).padEnd(6)} ${r.claims.filter((c) => c.ok).length}/${r.claims.length}`,
    );
    for (const c of r.claims.filter((x) => !x.ok))
      say(
        `    ${c.gating ? 'contradicts the site' : 'observed (not gating), broken this time'}: "${CLAIMS[c.id].statement}" (${CLAIMS[c.id].page}#${CLAIMS[c.id].anchor}): ${c.detail}`,
      );
    for (const repair of r.repairs) say(`    the harness repaired, at ${repair.t} s: ${repair.action}`);
    if (r.error) say(`    error: ${r.error}`);
  }
  const passed = error === null && results.length === chosen.length && results.every((r) => r.passed);
  run.finish(
    {
      measuredAt: new Date().toISOString(),
      error,
      bootSeconds,
      versions,
      timing: lab.timing,
      maximumLagOnFailover: 1048576,
      network: {
        hosts: plan.hosts.map((h) => ({ name: h.name, address: h.address })),
        how: 'one network namespace per host, cabled to one bridge; a cut drops packets on the bridge (nftables), a slow link is a tc tbf rate limit',
      },
      writer: { ...WRITER, pollMs: POLL_MS },
      claims: Object.values(CLAIMS),
      scenarios: results,
    },
    passed,
  );
  if (passed && chosen.length === SCENARIOS.length) recordRun();
}

/**
 * Adds a passed full run to the recent runs (src/lab/fault-runs.ts), read back from the results
 * file just written and checked by the same schema the pages use.
 */
function recordRun(): void {
  const results = parseFaultResults(readFileSync(RESULTS_FILE, 'utf8'), RESULTS_FILE);
  const file = join(REPO_ROOT, FAULT_RUNS_FILE);
  let previous: unknown;
  try {
    previous = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    previous = undefined; // The first run on a fresh checkout starts the file.
  }
  writeFileSync(file, `${JSON.stringify(appendFaultRun(previous, raceOutcomes(results)), null, 2)}\n`);
  say(`Added this run to ${FAULT_RUNS_FILE}.`);
}

await main();
