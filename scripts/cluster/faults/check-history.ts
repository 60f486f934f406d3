/**
 * The checker of a fault scenario's history, in the spirit of Jepsen: during the scenario a client
 * writes numbered rows through HAProxy and records, for each write, when it was sent, when the
 * answer came, and whether the commit was acknowledged and by which server (node and timeline). A
 * poller records each node's role over time. Afterwards the rows still on the surviving primary
 * are read back. From that alone, this pure function reports:
 *
 * - lost: acknowledged writes missing from the surviving primary;
 * - split brain: two primaries (a node on a timeline: a "term") that both acknowledged writes in
 *   overlapping time;
 * - the longest time in which no write was acknowledged;
 * - each node's role changes, and any time two nodes reported themselves primary at once.
 *
 * Times are milliseconds on one clock (the test's); the report gives seconds after `faultAt`.
 */

export type WriteOutcome = 'ok' | 'failed' | 'unknown';

export interface WriteRecord {
  readonly id: number;
  /** When the client sent the write. */
  readonly start: number;
  /** When the client learned the outcome (for 'ok': the acknowledgement). */
  readonly end: number;
  /**
   * ok: the commit was acknowledged. failed: refused before it could commit (no server, read-only
   * server). unknown: the answer never came (timeout, connection lost): it may or may not have
   * committed, so it is never counted as lost.
   */
  readonly outcome: WriteOutcome;
  /** The node whose PostgreSQL acknowledged it (ok only). */
  readonly node?: string | undefined;
  /** That server's timeline when it wrote the row (ok only). */
  readonly timeline?: number | undefined;
}

export interface RoleSample {
  readonly t: number;
  readonly node: string;
  /** primary, replica, stopped, starting, ..., or unreachable when the node did not answer. */
  readonly role: string;
}

export interface HistoryInput {
  readonly writes: readonly WriteRecord[];
  /** Ids of the rows found on the surviving primary after the scenario. */
  readonly present: readonly number[];
  readonly samples: readonly RoleSample[];
  /** When the fault was injected; report times are relative to it. */
  readonly faultAt: number;
  /** The span the writer ran: gaps are measured inside it. */
  readonly window: { readonly from: number; readonly to: number };
}

/** A node on one timeline, while it acknowledged writes. */
export interface Term {
  readonly node: string;
  readonly timeline: number;
  /** First and last acknowledgement, seconds after the fault. */
  readonly from: number;
  readonly to: number;
  readonly writes: number;
}

export interface Overlap {
  readonly a: string;
  readonly b: string;
  /** Seconds after the fault. */
  readonly from: number;
  readonly to: number;
  /** Acknowledged writes of either term inside the overlap. */
  readonly writes: number;
}

export interface RoleChange {
  readonly t: number;
  readonly node: string;
  readonly from: string;
  readonly to: string;
}

export interface Span {
  readonly from: number;
  readonly to: number;
  readonly seconds: number;
}

export interface HistoryReport {
  readonly attempted: number;
  readonly acknowledged: number;
  readonly failed: number;
  readonly unknown: number;
  /** Acknowledged, yet missing on the surviving primary. */
  readonly lost: readonly number[];
  /** Not acknowledged (unknown outcome), yet present: they did commit. */
  readonly unacknowledgedButPresent: number;
  readonly terms: readonly Term[];
  readonly splitBrain: readonly Overlap[];
  /** The longest stretch with no acknowledged write, inside the writer's window. */
  readonly longestGap: Span | null;
  readonly initialRoles: Readonly<Record<string, string>>;
  readonly roleChanges: readonly RoleChange[];
  /** Stretches in which two or more nodes reported themselves primary. */
  readonly concurrentPrimaries: readonly (Span & { readonly nodes: readonly string[] })[];
}

const round = (seconds: number) => Math.round(seconds * 10) / 10;

export function checkHistory(input: HistoryInput): HistoryReport {
  const rel = (t: number) => round((t - input.faultAt) / 1000);
  const acked = input.writes.filter((w) => w.outcome === 'ok').sort((a, b) => a.end - b.end);
  const present = new Set(input.present);
  const lost = acked
    .filter((w) => !present.has(w.id))
    .map((w) => w.id)
    .sort((a, b) => a - b);
  const unknownIds = input.writes.filter((w) => w.outcome === 'unknown').map((w) => w.id);

  // Terms: group acknowledgements by (node, timeline).
  const byTerm = new Map<string, WriteRecord[]>();
  for (const w of acked) {
    const key = `${w.node ?? '?'} tl ${w.timeline ?? '?'}`;
    byTerm.set(key, [...(byTerm.get(key) ?? []), w]);
  }
  const termSpans = [...byTerm.entries()].map(([key, writes]) => ({
    key,
    node: writes[0]?.node ?? '?',
    timeline: writes[0]?.timeline ?? 0,
    first: writes[0]?.end ?? 0,
    last: writes.at(-1)?.end ?? 0,
    writes,
  }));
  termSpans.sort((a, b) => a.first - b.first);
  const terms: Term[] = termSpans.map((s) => ({
    node: s.node,
    timeline: s.timeline,
    from: rel(s.first),
    to: rel(s.last),
    writes: s.writes.length,
  }));

  const splitBrain: Overlap[] = [];
  for (let i = 0; i < termSpans.length; i++) {
    for (let j = i + 1; j < termSpans.length; j++) {
      const a = termSpans[i];
      const b = termSpans[j];
      if (!a || !b) continue;
      const from = Math.max(a.first, b.first);
      const to = Math.min(a.last, b.last);
      if (from > to) continue;
      const inside = [...a.writes, ...b.writes].filter((w) => w.end >= from && w.end <= to).length;
      splitBrain.push({ a: a.key, b: b.key, from: rel(from), to: rel(to), writes: inside });
    }
  }

  const points = [input.window.from, ...acked.map((w) => w.end), input.window.to].filter(
    (t) => t >= input.window.from && t <= input.window.to,
  );
  points.sort((a, b) => a - b);
  let longestGap: Span | null = null;
  let longestMs = -1;
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1] ?? 0;
    const to = points[i] ?? 0;
    if (to - from > longestMs) {
      longestMs = to - from;
      longestGap = { from: rel(from), to: rel(to), seconds: round(longestMs / 1000) };
    }
  }

  const samples = [...input.samples].sort((a, b) => a.t - b.t);
  const initialRoles: Record<string, string> = {};
  const current = new Map<string, string>();
  const roleChanges: RoleChange[] = [];
  const concurrentPrimaries: (Span & { nodes: string[] })[] = [];
  let open: { from: number; nodes: string[] } | null = null;
  for (const s of samples) {
    const before = current.get(s.node);
    if (before === undefined) initialRoles[s.node] = s.role;
    else if (before !== s.role) roleChanges.push({ t: rel(s.t), node: s.node, from: before, to: s.role });
    current.set(s.node, s.role);
    const primaries = [...current.entries()].filter(([, role]) => role === 'primary').map(([n]) => n);
    if (primaries.length >= 2 && !open) open = { from: s.t, nodes: primaries.sort() };
    else if (primaries.length >= 2 && open) open.nodes = [...new Set([...open.nodes, ...primaries])].sort();
    else if (primaries.length < 2 && open) {
      concurrentPrimaries.push({
        from: rel(open.from),
        to: rel(s.t),
        seconds: round((s.t - open.from) / 1000),
        nodes: open.nodes,
      });
      open = null;
    }
  }
  if (open) {
    const end = samples.at(-1)?.t ?? open.from;
    concurrentPrimaries.push({
      from: rel(open.from),
      to: rel(end),
      seconds: round((end - open.from) / 1000),
      nodes: open.nodes,
    });
  }

  return {
    attempted: input.writes.length,
    acknowledged: acked.length,
    failed: input.writes.filter((w) => w.outcome === 'failed').length,
    unknown: unknownIds.length,
    lost,
    unacknowledgedButPresent: unknownIds.filter((id) => present.has(id)).length,
    terms,
    splitBrain,
    longestGap,
    initialRoles,
    roleChanges,
    concurrentPrimaries,
  };
}

/** The first time (seconds after the fault) `node` changed from `from` to something else, at or after `after`. */
export function firstChange(
  report: Pick<HistoryReport, 'roleChanges'>,
  node: string,
  match: { from?: string; to?: string },
  after = -Infinity,
): number | null {
  const change = report.roleChanges.find(
    (c) =>
      c.node === node &&
      c.t >= after &&
      (match.from === undefined || c.from === match.from) &&
      (match.to === undefined || c.to === match.to),
  );
  return change ? change.t : null;
}
