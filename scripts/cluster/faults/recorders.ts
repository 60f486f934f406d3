/**
 * What a fault scenario records while it runs: the writes (HistoryWriter) and each node's role over
 * time (RolePoller). Both keep running through the fault; the checker (check-history.ts) reads what
 * they recorded afterwards.
 */
import { leaderKeyHolder } from '../etcd-client.ts';
import type { LabLayout } from '../lab-layout.ts';
import { clusterMembers } from '../patroni-client.ts';
import { sql } from '../postgres-client.ts';
import { runCommand } from '../run-command.ts';
import { sleep } from '../wait-for.ts';
import type { RoleSample, WriteOutcome, WriteRecord } from './check-history.ts';
import { LEADER_KEY, SYNC_STANDBY } from './facts.ts';
import { inNetns, type NetworkPlan } from './lab-network.ts';

export const HISTORY_TABLE = 'fault_rows';

/** The table the writer fills: one row per write, keyed by scenario and number. */
export const CREATE_HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS ${HISTORY_TABLE} (
  scenario text NOT NULL, id integer NOT NULL, payload text NOT NULL DEFAULT '',
  written_at timestamptz NOT NULL DEFAULT clock_timestamp(), PRIMARY KEY (scenario, id));
ALTER TABLE ${HISTORY_TABLE} ALTER COLUMN payload SET STORAGE EXTERNAL`;

/**
 * How psql's error decides a write's outcome. Only an error that proves the INSERT never ran counts
 * as failed: no connection could be made (libpq says "connection to server ... failed"), or the
 * server was read-only. Anything else (a timeout, a connection cut mid-commit, "terminating
 * connection", a cancelled wait for the synchronous standby) is unknown: the commit may have happened.
 */
export function classifyError(stderr: string, timedOut: boolean): WriteOutcome {
  if (timedOut) return 'unknown';
  if (/connection to server at .* failed|could not connect to server|read-only transaction/i.test(stderr))
    return 'failed';
  return 'unknown';
}

export interface WriterOptions {
  /** Concurrent clients, each in its own loop. */
  readonly clients: number;
  /** Pause after each write, per client. */
  readonly pauseMs: number;
  /** A write not answered within this long counts as unknown (psql is killed). */
  readonly timeoutMs: number;
  /** Bytes of incompressible payload per row (0: none), to put WAL on the wire. */
  readonly payloadBytes: number;
}

/** Writes numbered rows through HAProxy's write port until stopped, and records every attempt. */
export class HistoryWriter {
  readonly writes: WriteRecord[] = [];
  private next = 1;
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly lab: LabLayout;
  private readonly scenario: string;
  private readonly options: WriterOptions;
  private readonly nodeOfHost: (host: string) => string;

  constructor(lab: LabLayout, scenario: string, options: WriterOptions) {
    this.lab = lab;
    this.scenario = scenario;
    this.options = options;
    this.nodeOfHost = (host) => lab.nodes.find((n) => n.pgHost === host)?.name ?? host;
  }

  start(): void {
    this.running = true;
    this.loops = Array.from({ length: this.options.clients }, () => this.loop());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private statement(id: number): string {
    const chunks = Math.ceil(this.options.payloadBytes / 32);
    const payload =
      chunks > 0 ? `(SELECT string_agg(md5(random()::text), '') FROM generate_series(1, ${chunks}))` : `''`;
    // The first 8 hex digits of the current WAL file's name are the server's timeline.
    return (
      `INSERT INTO ${HISTORY_TABLE} (scenario, id, payload) VALUES ('${this.scenario}', ${id}, ${payload}) ` +
      `RETURNING host(inet_server_addr()), substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8)`
    );
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const id = this.next++;
      const start = Date.now();
      const result = await sql(this.lab, this.lab.writeAddress, this.statement(id), this.options.timeoutMs);
      const end = Date.now();
      if (result.ok) {
        const [host, timeline] = result.stdout.trim().split('|');
        this.writes.push({
          id,
          start,
          end,
          outcome: 'ok',
          node: this.nodeOfHost(host ?? ''),
          timeline: Number.parseInt(timeline ?? '', 16),
        });
      } else {
        this.writes.push({ id, start, end, outcome: classifyError(result.stderr, result.timedOut) });
      }
      await sleep(this.options.pauseMs);
    }
  }
}

/** Patroni 3 says master, Patroni 4 primary: one word here. */
export function roleFromPatroni(body: { state?: string; role?: string }): string {
  if (body.state !== undefined && body.state !== 'running') return body.state;
  if (body.role === 'master' || body.role === 'primary') return 'primary';
  return body.role ?? 'unknown';
}

/**
 * Every `intervalMs`, asks each node's Patroni (GET /patroni, which reads PostgreSQL's own state)
 * from inside the node's own namespace, so a partition never hides a node's role from the test; a
 * paused node does not answer ("unreachable"). Also records who holds the leader key in etcd and
 * which replica Patroni lists as synchronous, as the client host sees them.
 */
export class RolePoller {
  readonly samples: RoleSample[] = [];
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly lab: LabLayout;
  private readonly plan: NetworkPlan | undefined;
  private readonly intervalMs: number;

  /** Without a plan (the lab on this machine's own loopback), each node is asked directly. */
  constructor(lab: LabLayout, plan: NetworkPlan | undefined, intervalMs: number) {
    this.lab = lab;
    this.plan = plan;
    this.intervalMs = intervalMs;
  }

  start(): void {
    this.running = true;
    this.loops = [
      ...this.lab.nodes.map((n) => this.every(() => this.nodeRole(n.name, n.apiUrl))),
      this.every(() => this.dcsView()),
    ];
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async every(probe: () => Promise<void>): Promise<void> {
    while (this.running) {
      const started = Date.now();
      await probe();
      await sleep(Math.max(0, this.intervalMs - (Date.now() - started)));
    }
  }

  private async nodeRole(name: string, apiUrl: string): Promise<void> {
    const netns = this.plan?.hosts.find((h) => h.name === name)?.netns;
    const t = Date.now();
    const curl = ['-s', '-m', '1', `${apiUrl}/patroni`];
    const r = netns ? await inNetns(netns, 'curl', curl, 3000) : await runCommand('curl', curl, { timeoutMs: 3000 });
    let role = 'unreachable';
    if (r.ok) {
      try {
        role = roleFromPatroni(JSON.parse(r.stdout) as { state?: string; role?: string });
      } catch {
        role = 'unreachable';
      }
    }
    this.samples.push({ t, node: name, role });
  }

  private async dcsView(): Promise<void> {
    const t = Date.now();
    let holder: string;
    try {
      holder = (await leaderKeyHolder(this.lab)) ?? 'none';
    } catch {
      holder = 'unreachable';
    }
    this.samples.push({ t, node: LEADER_KEY, role: holder });
    let sync: string;
    try {
      sync = (await clusterMembers(this.lab)).find((m) => m.role === 'sync_standby')?.name ?? 'none';
    } catch {
      sync = 'unreachable';
    }
    this.samples.push({ t, node: SYNC_STANDBY, role: sync });
  }
}
