/**
 * `npm run test:cluster`: boots the lab's sample files as a real three-node
 * PostgreSQL + Patroni + etcd + HAProxy cluster on loopback addresses, crashes
 * the leader, measures the failover, lets the old leader rejoin, performs a
 * switchover, and tears everything down. Exits non-zero on any failed check.
 * Writes the measurements to bench-results/cluster.json:
 *   timing                 ttl, loop_wait, retry_timeout in effect (seconds, from the node files)
 *   failover.leaderLockSeconds     crash → another node holds the leader key in etcd
 *   failover.haproxyRoutesSeconds  crash → HAProxy's write port reaches the new primary
 *   failover.firstWriteSeconds     crash → first INSERT through HAProxy commits on it
 *   switchover.haproxyRoutesSeconds, bootstrapSeconds, rejoinSeconds, versions, checks, passed
 * A check against a predicted failover window can read `timing` and `failover` from there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leaderKeyHolder } from './etcd-client.ts';
import { HarnessRun, printLogTails, ProcessBook, seconds, sleep, waitFor, waitForWritesTo } from './harness.ts';
import {
  crashNode,
  patronictlList,
  startEtcd,
  startHaproxy,
  startPatroni,
  stopAll,
  validateWithHaproxy,
  validateWithPatroni,
  waitForHaproxy,
  waitForHealthy,
  type Healthy,
  type RunOptions,
} from './lab-cluster.ts';
import { findPostgresBinDir, prepareLab, REPO_ROOT, type DbNode, type LabLayout } from './lab-layout.ts';
import { labAddresses } from './lab-addresses.ts';
import { clusterMembers } from './patroni-client.ts';
import { sql, whoAnswers } from './postgres-client.ts';
import { preflight } from './preflight.ts';
import { runCommand } from './run-command.ts';
import { programVersions } from './versions.ts';

const RESULTS_FILE = join(REPO_ROOT, 'bench-results/cluster.json');
/** Rows written before the crash, one transaction each. */
const ROWS_BEFORE_CRASH = 20;

/** Writes rows through HAProxy's write port until stopped; remembers which commits succeeded. */
class Writer {
  readonly committed = new Map<number, { at: number; host: string }>();
  private next: number;
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private readonly lab: LabLayout;

  constructor(lab: LabLayout, firstId: number) {
    this.lab = lab;
    this.next = firstId;
  }

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const id = this.next++;
        const result = await sql(
          this.lab,
          this.lab.writeAddress,
          `INSERT INTO lab_rows (id, node) VALUES (${id}, host(inet_server_addr())) RETURNING node`,
          4000,
        );
        // Only a commit that psql saw succeed counts; a failed or timed-out
        // one may or may not have happened, so it is not checked later.
        if (result.ok) this.committed.set(id, { at: Date.now(), host: result.stdout.trim() });
        await sleep(200);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  firstCommitAfter(t: number): { at: number; host: string } | undefined {
    return [...this.committed.values()].filter((c) => c.at > t).sort((a, b) => a.at - b.at)[0];
  }
}

async function allRowsPresent(lab: LabLayout, writer: Writer): Promise<{ value: number; detail: string }> {
  const result = await sql(lab, lab.writeAddress, 'SELECT id FROM lab_rows ORDER BY id', 10_000);
  if (!result.ok) throw new Error(`could not read lab_rows through HAProxy: ${result.stderr.trim()}`);
  const present = new Set(result.stdout.split('\n').filter(Boolean).map(Number));
  const missing = [...writer.committed.keys()].filter((id) => !present.has(id));
  if (missing.length > 0) throw new Error(`${missing.length} committed rows are missing: ${missing.join(', ')}`);
  return { value: present.size, detail: `all ${writer.committed.size} committed rows are there` };
}

function nodeByName(lab: LabLayout, name: string): DbNode {
  const node = lab.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`unknown node ${name}`);
  return node;
}

function nodeByHost(lab: LabLayout, host: string): DbNode | undefined {
  return lab.nodes.find((n) => n.pgHost === host);
}

/** What every phase of the run works with. */
interface Cluster {
  readonly run: HarnessRun;
  readonly lab: LabLayout;
  readonly book: ProcessBook;
  readonly options: RunOptions;
}

/** Validates the sample files and writes the runnable copy the daemons start from. */
function prepare(run: HarnessRun, stateDir: string): Promise<LabLayout> {
  return run.step('Validate the sample files and prepare a runnable copy', async () => {
    const layout = prepareLab(stateDir);
    const problems = await preflight(labAddresses(layout));
    if (problems.length > 0) throw new Error(`cannot run here:\n  - ${problems.join('\n  - ')}`);
    return { value: layout, detail: `state in ${stateDir}; only the machine-path keys were changed` };
  });
}

/** etcd, the programs' own validators, then Patroni: one leader and two streaming replicas. */
async function boot({ run, lab, options }: Cluster): Promise<{ healthy: Healthy; bootstrapSeconds: number }> {
  await run.step('Start the three etcd members and wait until each is healthy', async () => {
    await startEtcd(lab, options);
    return { value: undefined, detail: lab.etcd.map((m) => `${m.name} healthy`).join(', ') };
  });
  await run.step("Check the files with Patroni's and HAProxy's own validators", async () => {
    await validateWithPatroni(lab);
    await validateWithHaproxy(lab);
    return {
      value: undefined,
      detail: 'patroni --validate-config accepts all three node files; haproxy -c accepts haproxy.cfg',
    };
  });
  const started = Date.now();
  const healthy = await run.step(
    'Start the three Patroni nodes; wait for one leader and two streaming replicas',
    async () => {
      for (const node of lab.nodes) startPatroni(lab, node, options);
      const state = await waitForHealthy(lab, lab.nodes, 180_000);
      const sync = state.members.find((m) => m.role === 'sync_standby')?.name ?? '?';
      return { value: state, detail: `leader ${state.leader}, synchronous replica ${sync}, all replicas streaming` };
    },
  );
  return { healthy, bootstrapSeconds: run.elapsed(started) };
}

/** HAProxy in front: writes must reach the leader, reads a replica. */
function routeThroughHaproxy({ run, lab, options }: Cluster, leader: DbNode): Promise<void> {
  return run.step('Start HAProxy; writes must reach the leader, reads a replica', async () => {
    startHaproxy(lab, options);
    // First HAProxy's own view (every node checked), then real connections.
    await waitForHaproxy(lab, leader.name);
    await waitForWritesTo(lab, leader, { timeoutMs: 30_000, intervalMs: 500 });
    const read = await waitFor('HAProxy to route the read port to a replica', 30_000, async () => {
      const who = await whoAnswers(lab, lab.readAddress);
      return who && !who.primary ? who : undefined;
    });
    const reader = nodeByHost(lab, read.host)?.name ?? read.host;
    return {
      value: undefined,
      detail: `:${lab.writeAddress.port} → ${leader.name} (primary), :${lab.readAddress.port} → ${reader} (replica)`,
    };
  });
}

/** Creates the table and starts the writer; returns once ROWS_BEFORE_CRASH rows are committed. */
function writeRows({ run, lab }: Cluster, rows: Writer): Promise<void> {
  return run.step(`Write ${ROWS_BEFORE_CRASH} rows through HAProxy, one transaction each`, async () => {
    const created = await sql(
      lab,
      lab.writeAddress,
      'CREATE TABLE lab_rows (id integer PRIMARY KEY, node text NOT NULL, written_at timestamptz NOT NULL DEFAULT now())',
    );
    if (!created.ok) throw new Error(`CREATE TABLE failed: ${created.stderr.trim()}`);
    rows.start();
    await waitFor(
      `${ROWS_BEFORE_CRASH} committed rows`,
      30_000,
      async () => (rows.committed.size >= ROWS_BEFORE_CRASH ? true : undefined),
      { intervalMs: 100 },
    );
    return {
      value: undefined,
      detail: `${rows.committed.size} rows committed (synchronous replication: each one is on a replica's disk too)`,
    };
  });
}

interface Failover {
  oldLeader: string;
  newLeader: string;
  leaderLockSeconds: number;
  haproxyRoutesSeconds: number;
  firstWriteSeconds: number;
}

/** SIGKILLs the leader while the writer keeps writing; measures the three moments of the failover. */
function crashLeader({ run, lab, book }: Cluster, rows: Writer, oldLeader: DbNode): Promise<Failover> {
  return run.step(
    `Crash the leader (${oldLeader.name}: SIGKILL to Patroni and PostgreSQL) and measure the failover`,
    async () => {
      // The writer keeps trying through HAProxy during the whole failover.
      const crashedAt = Date.now();
      crashNode(oldLeader, book);
      const { holder, at: lockAt } = await waitFor(
        'another node to hold the leader lock in etcd',
        120_000,
        async () => {
          const holder = await leaderKeyHolder(lab);
          return holder !== null && holder !== oldLeader.name ? { holder, at: Date.now() } : undefined;
        },
        { intervalMs: 100 },
      );
      const newLeader = nodeByName(lab, holder);
      const routed = await waitForWritesTo(lab, newLeader);
      const firstWrite = await waitFor(
        'a write through HAProxy to commit on the new leader',
        60_000,
        async () => {
          const commit = rows.firstCommitAfter(crashedAt);
          return commit?.host === newLeader.pgHost ? commit.at : undefined;
        },
        { intervalMs: 100 },
      );
      await sleep(1000);
      await rows.stop();
      const value: Failover = {
        oldLeader: oldLeader.name,
        newLeader: holder,
        leaderLockSeconds: seconds(lockAt - crashedAt),
        haproxyRoutesSeconds: seconds(routed - crashedAt),
        firstWriteSeconds: seconds(firstWrite - crashedAt),
      };
      return {
        value,
        detail: `${holder} took the lock after ${value.leaderLockSeconds} s; HAProxy routed writes to it after ${value.haproxyRoutesSeconds} s; first write committed after ${value.firstWriteSeconds} s`,
      };
    },
  );
}

/** Restarts the crashed leader; it must come back as a streaming replica. Returns the seconds it took. */
async function rejoin({ run, lab, options }: Cluster, oldLeader: DbNode): Promise<number> {
  const started = Date.now();
  await run.step(`Restart ${oldLeader.name}; it must rejoin as a streaming replica`, async () => {
    startPatroni(lab, oldLeader, options);
    const state = await waitForHealthy(lab, lab.nodes, 180_000);
    const member = state.members.find((m) => m.name === oldLeader.name);
    if (state.leader === oldLeader.name) throw new Error(`${oldLeader.name} came back as the leader`);
    return {
      value: undefined,
      detail: `${oldLeader.name} is ${member?.role ?? '?'} and streaming from ${state.leader}`,
    };
  });
  return run.elapsed(started);
}

interface Switchover {
  from: string;
  to: string;
  haproxyRoutesSeconds: number;
}

/** A planned switchover to the synchronous replica with patronictl; measures when HAProxy follows. */
function switchOver({ run, lab }: Cluster): Promise<Switchover> {
  return run.step('Planned switchover with patronictl', async () => {
    const members = await clusterMembers(lab);
    const leader = members.find((m) => m.role === 'leader')?.name;
    // In synchronous mode only the synchronous replica may take over.
    const candidate = members.find((m) => m.role === 'sync_standby')?.name;
    if (!leader || !candidate) throw new Error('no leader or no synchronous replica to switch over to');
    const target = nodeByName(lab, candidate);
    const started = Date.now();
    const result = await runCommand(
      'patronictl',
      ['-c', target.configFile, 'switchover', '--leader', leader, '--candidate', candidate, '--force'],
      { timeoutMs: 90_000 },
    );
    if (!result.ok) throw new Error(`patronictl switchover failed: ${result.stdout}${result.stderr}`);
    const routed = await waitForWritesTo(lab, target);
    const state = await waitForHealthy(lab, lab.nodes, 120_000);
    if (state.leader !== candidate) throw new Error(`expected ${candidate} to lead, found ${state.leader}`);
    const value: Switchover = { from: leader, to: candidate, haproxyRoutesSeconds: seconds(routed - started) };
    return {
      value,
      detail: `${leader} → ${candidate}; HAProxy routed writes to ${candidate} after ${value.haproxyRoutesSeconds} s; ${leader} streams from it`,
    };
  });
}

/** The whole run, phase by phase; everything measured goes into `results`. */
async function runChecks(cluster: Cluster, results: Record<string, unknown>, rows: Writer): Promise<void> {
  const { run, lab } = cluster;
  results.versions = await programVersions(findPostgresBinDir());
  results.timing = lab.timing;
  const { healthy, bootstrapSeconds } = await boot(cluster);
  const oldLeader = nodeByName(lab, healthy.leader);
  await routeThroughHaproxy(cluster, oldLeader);
  await writeRows(cluster, rows);
  const failover = await crashLeader(cluster, rows, oldLeader);
  results.failover = failover;
  await run.step('Check that every committed row survived the failover', () => allRowsPresent(lab, rows));
  const rejoinSeconds = await rejoin(cluster, oldLeader);
  const switchover = await switchOver(cluster);
  results.switchover = switchover;
  await run.step('Check the rows once more, on the new leader', () => allRowsPresent(lab, rows));

  process.stdout.write(`\n${await patronictlList(lab)}\n`);
  Object.assign(results, { bootstrapSeconds, rejoinSeconds, rows: { committed: rows.committed.size } });
  run.printTimings([
    ['ttl / loop_wait / retry_timeout', `${lab.timing.ttl} / ${lab.timing.loop_wait} / ${lab.timing.retry_timeout} s`],
    ['bootstrap (3 nodes streaming)', `${bootstrapSeconds} s`],
    ['failover: new leader holds the lock', `${failover.leaderLockSeconds} s`],
    ['failover: HAProxy routes writes', `${failover.haproxyRoutesSeconds} s`],
    ['failover: first write committed', `${failover.firstWriteSeconds} s`],
    ['old leader rejoins, streaming', `${rejoinSeconds} s`],
    ['switchover: HAProxy routes writes', `${switchover.haproxyRoutesSeconds} s`],
  ]);
}

async function main(): Promise<void> {
  const run = new HarnessRun(RESULTS_FILE);
  const stateDir = mkdtempSync(join(tmpdir(), 'cde-cluster-test-'));
  const book = new ProcessBook(stateDir);
  let lab: LabLayout | undefined;
  let writer: Writer | undefined;
  let passed = false;
  const stopInterrupts = run.onInterrupt(() => (lab ? stopAll(lab, book) : Promise.resolve([])));

  const results: Record<string, unknown> = { measuredAt: new Date().toISOString() };
  try {
    lab = await prepare(run, stateDir);
    writer = new Writer(lab, 1);
    await runChecks({ run, lab, book, options: { detached: false, book } }, results, writer);
    passed = true;
  } catch {
    // Already reported by the failed step; show the daemons' last words to explain it.
    if (lab) printLogTails(lab.logDir, [...lab.etcd.map((m) => m.name), ...lab.nodes.map((n) => n.name), 'haproxy']);
  } finally {
    await writer?.stop();
    const stopped = lab ? await stopAll(lab, book) : [];
    process.stdout.write(`\nStopped: ${stopped.join('; ') || 'nothing was running'}\n`);
    stopInterrupts();
  }

  run.finish(results, passed);
  if (passed) rmSync(stateDir, { recursive: true, force: true });
  else process.stdout.write(`State and logs kept in ${stateDir}\n`);
}

await main();
