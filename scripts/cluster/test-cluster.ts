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
 * When the run passes, it also adds its timings to bench-results/cluster-runs.json (the last five
 * passed runs, src/lab/cluster-runs.ts) and writes bench-results/lab-transcript.json: the commands a reader
 * types (scripts/cluster/reader-commands.ts) with what they printed on this cluster, at each step
 * (schema: src/schemas/lab-transcript.ts), which the lab article shows.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendRun, CLUSTER_RUNS_FILE, type ClusterRun } from '../../src/lab/cluster-runs.ts';
import { leaderKeyHolder } from './etcd-client.ts';
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
} from './lab-cluster.ts';
import { findPostgresBinDir, prepareLab, REPO_ROOT, type DbNode, type LabLayout } from './lab-layout.ts';
import { labAddresses } from './lab-addresses.ts';
import { clusterMembers } from './patroni-client.ts';
import { sql, whoAnswers } from './postgres-client.ts';
import { preflight } from './preflight.ts';
import { ProcessBook } from './process-book.ts';
import {
  curlPatroni,
  etcdctlGetFields,
  etcdctlLeaseTimeToLive,
  killCommand,
  leaderKey,
  LAB_STATE_DIR,
  leaseIdFromFields,
  patronictlList as readerList,
  patronictlSwitchover,
} from './reader-commands.ts';
import {
  crashedLine,
  ETCD_HEALTHY,
  ETCD_STARTING,
  expiredLine,
  HAPROXY_STARTING,
  healthyLine,
  holdsLine,
  killLine,
  opening,
  patroniStarting,
  routedLine,
  routingLines,
  switchoverAskLine,
  switchoverDoneLine,
  VALIDATED,
  VALIDATING,
} from './lab-narration.ts';
import { Transcript } from './transcript.ts';
import { programVersions } from './versions.ts';
import { sleep, waitFor } from './wait-for.ts';

const RESULTS_FILE = join(REPO_ROOT, 'bench-results/cluster.json');
const TRANSCRIPT_FILE = join(REPO_ROOT, 'bench-results/lab-transcript.json');
const RUNS_FILE = join(REPO_ROOT, CLUSTER_RUNS_FILE);
/** Rows written before the crash, one transaction each. */
const ROWS_BEFORE_CRASH = 20;

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly seconds: number;
  readonly detail: string;
}

const checks: Check[] = [];
const runStarted = Date.now();
const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** Runs one step; records it as a passed or failed check. A failure stops the run. */
async function step<T>(name: string, body: () => Promise<{ value: T; detail: string }>): Promise<T> {
  const started = Date.now();
  process.stdout.write(`\n▶ ${name}\n`);
  try {
    const { value, detail } = await body();
    checks.push({ name, ok: true, seconds: seconds(Date.now() - started), detail });
    process.stdout.write(`  ✔ ${detail} (${seconds(Date.now() - started)} s)\n`);
    return value;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    checks.push({ name, ok: false, seconds: seconds(Date.now() - started), detail });
    process.stdout.write(`  ✘ ${detail}\n`);
    throw error;
  }
}

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

/**
 * Records the leader key with its lease (`etcdctl get -w fields`, then `etcdctl lease timetolive`):
 * the reader sees which keys live on the leader's lease.
 */
async function recordLeaderKey(transcript: Transcript, stepName: string, lab: LabLayout): Promise<void> {
  const endpoints = lab.etcd.map((m) => m.clientUrl);
  const fields = await transcript.run(
    stepName,
    'leader-key',
    etcdctlGetFields(endpoints, leaderKey(lab.namespace, lab.scope)),
  );
  const lease = leaseIdFromFields(fields);
  if (!lease) throw new Error(`the leader key has no lease:\n${fields}`);
  await transcript.run(stepName, 'lease', etcdctlLeaseTimeToLive(endpoints, lease));
}

/** HAProxy's two ports and the nodes they reach right now, as `npm run lab -- start` prints them. */
async function routingNow(lab: LabLayout): Promise<string> {
  const write = await whoAnswers(lab, lab.writeAddress);
  const read = await whoAnswers(lab, lab.readAddress);
  const name = (who: { host: string } | undefined) => (who ? (nodeByHost(lab, who.host)?.name ?? who.host) : null);
  return routingLines({ ...lab.writeAddress, node: name(write) }, { ...lab.readAddress, node: name(read) });
}

function printTable(rows: readonly [string, string][]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write('\nMeasured timings\n');
  for (const [key, value] of rows) process.stdout.write(`  ${key.padEnd(width)}  ${value}\n`);
}

async function main(): Promise<void> {
  const stateDir = mkdtempSync(join(tmpdir(), 'cde-cluster-test-'));
  const book = new ProcessBook(stateDir);
  let lab: LabLayout | undefined;
  let writer: Writer | undefined;
  let passed = false;

  // Ctrl-C or a CI timeout: stop what we started, then exit.
  const onSignal = (sig: NodeJS.Signals) => {
    process.stdout.write(`\n${sig} received: stopping the processes this run started…\n`);
    void (lab ? stopAll(lab, book) : Promise.resolve([])).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const results: Record<string, unknown> = { measuredAt: new Date().toISOString() };
  const transcript = new Transcript();
  try {
    lab = await step('Validate the sample files and prepare a runnable copy', async () => {
      const layout = prepareLab(stateDir);
      const problems = await preflight(labAddresses(layout));
      if (problems.length > 0) throw new Error(`cannot run here:\n  - ${problems.join('\n  - ')}`);
      return { value: layout, detail: `state in ${stateDir}; only the machine-path keys were changed` };
    });
    const current = lab;
    results.versions = await programVersions(findPostgresBinDir());
    results.timing = current.timing;
    const options = { detached: false, book };

    await step('Start the three etcd members and wait until each is healthy', async () => {
      await startEtcd(current, options);
      return { value: undefined, detail: current.etcd.map((m) => `${m.name} healthy`).join(', ') };
    });

    await step("Check the files with Patroni's and HAProxy's own validators", async () => {
      await validateWithPatroni(current);
      await validateWithHaproxy(current);
      return {
        value: undefined,
        detail: 'patroni --validate-config accepts all three node files; haproxy -c accepts haproxy.cfg',
      };
    });

    const bootStarted = Date.now();
    const healthy = await step(
      'Start the three Patroni nodes; wait for one leader and two streaming replicas',
      async () => {
        for (const node of current.nodes) startPatroni(current, node, options);
        const state = await waitForHealthy(current, current.nodes, 180_000);
        const sync = state.members.find((m) => m.role === 'sync_standby')?.name ?? '?';
        return { value: state, detail: `leader ${state.leader}, synchronous replica ${sync}, all replicas streaming` };
      },
    );
    const bootstrapSeconds = seconds(Date.now() - bootStarted);

    await step('Start HAProxy; writes must reach the leader, reads a replica', async () => {
      startHaproxy(current, options);
      const leader = nodeByName(current, healthy.leader);
      // First HAProxy's own view (every node checked), then real connections.
      await waitForHaproxy(current, leader.name);
      const write = await waitFor('HAProxy to route the write port to the leader', 30_000, async () => {
        const who = await whoAnswers(current, current.writeAddress);
        return who?.host === leader.pgHost && who.primary ? who : undefined;
      });
      const read = await waitFor('HAProxy to route the read port to a replica', 30_000, async () => {
        const who = await whoAnswers(current, current.readAddress);
        return who && !who.primary ? who : undefined;
      });
      return {
        value: undefined,
        detail: `:${current.writeAddress.port} → ${nodeByHost(current, write.host)?.name ?? write.host} (primary), :${current.readAddress.port} → ${nodeByHost(current, read.host)?.name ?? read.host} (replica)`,
      };
    });

    await step("Record what the reader's commands print on the healthy cluster", async () => {
      const first = current.nodes[0];
      if (!first) throw new Error('no nodes');
      // What `npm run lab -- start` prints for this run, from the steps above.
      const startLines = [
        opening(false, LAB_STATE_DIR),
        ETCD_STARTING,
        ETCD_HEALTHY,
        VALIDATING,
        VALIDATED,
        patroniStarting(
          current.nodes.map((n) => n.name),
          false,
        ),
        healthyLine(healthy.leader),
        HAPROXY_STARTING,
        await routingNow(current),
      ];
      transcript.note('healthy', 'start', 'npm run lab -- start', startLines.join('\n'));
      await transcript.run('healthy', 'list', readerList(first.configFile, stateDir));
      await recordLeaderKey(transcript, 'healthy', current);
      await transcript.run('healthy', 'rest', curlPatroni(nodeByName(current, healthy.leader).apiUrl));
      return { value: undefined, detail: "patronictl list, the leader key and its lease, the leader's /patroni" };
    });

    const rows = new Writer(current, 1);
    writer = rows;
    await step(`Write ${ROWS_BEFORE_CRASH} rows through HAProxy, one transaction each`, async () => {
      const created = await sql(
        current,
        current.writeAddress,
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

    const oldLeader = nodeByName(current, healthy.leader);
    const failover = await step(
      `Crash the leader (${oldLeader.name}: SIGKILL to Patroni and PostgreSQL) and measure the failover`,
      async () => {
        // The writer keeps trying through HAProxy during the whole failover.
        const crashedAt = Date.now();
        const killed = crashNode(oldLeader, book);
        transcript.note('failover', 'kill', killCommand(killed));
        let expiredAt: number | undefined;
        const lock = waitFor(
          'another node to hold the leader lock in etcd',
          120_000,
          async () => {
            const holder = await leaderKeyHolder(current);
            if (holder === null) expiredAt ??= Date.now();
            return holder !== null && holder !== oldLeader.name ? { holder, at: Date.now() } : undefined;
          },
          { intervalMs: 100 },
        );
        const { holder, at: lockAt } = await lock;
        const newLeader = nodeByName(current, holder);
        const routed = await waitFor(
          `HAProxy to route writes to ${holder}`,
          60_000,
          async () => {
            const who = await whoAnswers(current, current.writeAddress);
            return who?.host === newLeader.pgHost && who.primary ? Date.now() : undefined;
          },
          { intervalMs: 100 },
        );
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
        // What `npm run lab -- fail` prints for this run: the same lines, from these measurements.
        const failLines = [
          killLine(killCommand(killed), oldLeader.name),
          crashedLine(0, oldLeader.name, current.timing.ttl),
          ...(expiredAt === undefined ? [] : [expiredLine(seconds(expiredAt - crashedAt))]),
          holdsLine(seconds(lockAt - crashedAt), holder),
          routedLine(seconds(routed - crashedAt), holder),
        ];
        transcript.note('failover', 'fail', 'npm run lab -- fail', failLines.join('\n'));
        const first = current.nodes[0];
        if (first) await transcript.run('failover', 'list', readerList(first.configFile, stateDir));
        await recordLeaderKey(transcript, 'failover', current);
        const value = {
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
    results.failover = failover;

    await step('Check that every committed row survived the failover', () => allRowsPresent(current, rows));

    const rejoinStarted = Date.now();
    await step(`Restart ${oldLeader.name}; it must rejoin as a streaming replica`, async () => {
      startPatroni(current, oldLeader, options);
      const state = await waitForHealthy(current, current.nodes, 180_000);
      const member = state.members.find((m) => m.name === oldLeader.name);
      if (state.leader === oldLeader.name) throw new Error(`${oldLeader.name} came back as the leader`);
      const rejoinLines = [
        opening(true, LAB_STATE_DIR),
        ETCD_STARTING,
        ETCD_HEALTHY,
        patroniStarting([oldLeader.name], true),
        healthyLine(state.leader),
        HAPROXY_STARTING,
        await routingNow(current),
      ];
      transcript.note('rejoin', 'start', 'npm run lab -- start', rejoinLines.join('\n'));
      const first = current.nodes[0];
      if (first) await transcript.run('rejoin', 'list', readerList(first.configFile, stateDir));
      return {
        value: undefined,
        detail: `${oldLeader.name} is ${member?.role ?? '?'} and streaming from ${state.leader}`,
      };
    });
    const rejoinSeconds = seconds(Date.now() - rejoinStarted);

    const switchover = await step('Planned switchover with patronictl', async () => {
      const members = await clusterMembers(current);
      const leader = members.find((m) => m.role === 'leader')?.name;
      // In synchronous mode only the synchronous replica may take over.
      const candidate = members.find((m) => m.role === 'sync_standby')?.name;
      if (!leader || !candidate) throw new Error('no leader or no synchronous replica to switch over to');
      const target = nodeByName(current, candidate);
      const started = Date.now();
      const switchoverCommand = patronictlSwitchover(target.configFile, stateDir, { leader, candidate });
      const output = await transcript.run('switchover', 'switchover', switchoverCommand, 90_000);
      const routed = await waitFor(
        `HAProxy to route writes to ${candidate}`,
        60_000,
        async () => {
          const who = await whoAnswers(current, current.writeAddress);
          return who?.host === target.pgHost && who.primary ? Date.now() : undefined;
        },
        { intervalMs: 100 },
      );
      const state = await waitForHealthy(current, current.nodes, 120_000);
      if (state.leader !== candidate) throw new Error(`expected ${candidate} to lead, found ${state.leader}`);
      const labLines = [
        switchoverAskLine(leader, candidate),
        `$ ${switchoverCommand.shown}`,
        output,
        switchoverDoneLine(seconds(routed - started), candidate, leader),
      ];
      transcript.note('switchover', 'lab', 'npm run lab -- switchover', labLines.join('\n'));
      const first = current.nodes[0];
      if (first) await transcript.run('switchover', 'list', readerList(first.configFile, stateDir));
      await transcript.run('switchover', 'rest', curlPatroni(target.apiUrl));
      const value = { from: leader, to: candidate, haproxyRoutesSeconds: seconds(routed - started) };
      return {
        value,
        detail: `${leader} → ${candidate}; HAProxy routed writes to ${candidate} after ${value.haproxyRoutesSeconds} s; ${leader} streams from it`,
      };
    });
    results.switchover = switchover;

    await step('Check the rows once more, on the new leader', () => allRowsPresent(current, rows));

    process.stdout.write(`\n${await patronictlList(current)}\n`);
    results.bootstrapSeconds = bootstrapSeconds;
    results.rejoinSeconds = rejoinSeconds;
    results.rows = { committed: rows.committed.size };
    printTable([
      [
        'ttl / loop_wait / retry_timeout',
        `${current.timing.ttl} / ${current.timing.loop_wait} / ${current.timing.retry_timeout} s`,
      ],
      ['bootstrap (3 nodes streaming)', `${bootstrapSeconds} s`],
      ['failover: new leader holds the lock', `${failover.leaderLockSeconds} s`],
      ['failover: HAProxy routes writes', `${failover.haproxyRoutesSeconds} s`],
      ['failover: first write committed', `${failover.firstWriteSeconds} s`],
      ['old leader rejoins, streaming', `${rejoinSeconds} s`],
      ['switchover: HAProxy routes writes', `${switchover.haproxyRoutesSeconds} s`],
    ]);
    passed = true;
  } catch {
    // Already reported by step(); show the daemons' last words to explain it.
    if (lab) {
      for (const name of [...lab.etcd.map((m) => m.name), ...lab.nodes.map((n) => n.name), 'haproxy']) {
        try {
          const lines = readFileSync(join(lab.logDir, `${name}.log`), 'utf8')
            .trimEnd()
            .split('\n')
            .slice(-8);
          process.stdout.write(`\n--- last lines of ${name}.log ---\n${lines.join('\n')}\n`);
        } catch {
          // No log: that daemon never started.
        }
      }
    }
  } finally {
    await writer?.stop();
    const stopped = lab ? await stopAll(lab, book) : [];
    process.stdout.write(`\nStopped: ${stopped.join('; ') || 'nothing was running'}\n`);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  const totalSeconds = seconds(Date.now() - runStarted);
  Object.assign(results, { passed, totalSeconds, checks });
  mkdirSync(join(REPO_ROOT, 'bench-results'), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  // Only a whole run's transcript: the lab article shows every step of it.
  if (passed) {
    const record = { measuredAt: results.measuredAt, versions: results.versions, steps: transcript.steps };
    writeFileSync(TRANSCRIPT_FILE, `${JSON.stringify(record, null, 2)}\n`);
    // The recent passed runs, whose table and ranges the articles show (src/lab/cluster-runs.ts).
    const failover = results.failover as ClusterRun['failover'];
    const switchover = results.switchover as ClusterRun['switchover'];
    const run: ClusterRun = {
      measuredAt: String(results.measuredAt),
      failover: {
        leaderLockSeconds: failover.leaderLockSeconds,
        haproxyRoutesSeconds: failover.haproxyRoutesSeconds,
        firstWriteSeconds: failover.firstWriteSeconds,
      },
      switchover: { haproxyRoutesSeconds: switchover.haproxyRoutesSeconds },
    };
    let previous: unknown;
    try {
      previous = JSON.parse(readFileSync(RUNS_FILE, 'utf8'));
    } catch {
      previous = undefined; // The first run on a fresh checkout starts the file.
    }
    writeFileSync(RUNS_FILE, `${JSON.stringify(appendRun(previous, run), null, 2)}\n`);
  }
  const failed = checks.filter((c) => !c.ok).length;
  process.stdout.write(`\nWhole run: ${totalSeconds} s. Results in ${RESULTS_FILE}\n`);
  // The plain closing line CI reads: checks passed and failed.
  process.stdout.write(`cluster: ${checks.length - failed} passed, ${failed} failed\n`);
  if (passed) rmSync(stateDir, { recursive: true, force: true });
  else process.stdout.write(`State and logs kept in ${stateDir}\n`);
  process.exitCode = passed ? 0 : 1;
}

await main();
