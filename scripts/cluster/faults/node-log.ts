/**
 * Exact times from a node's log. The role poller asks each node every half second, which cannot
 * order two events a fraction of a second apart; PostgreSQL and Patroni write a millisecond
 * timestamp on each line, and both write into the node's log file (PostgreSQL's stderr goes to
 * Patroni's). From those lines: when a node's PostgreSQL started accepting writes, when it stopped
 * (a shutdown request ends them at once: "fast" aborts open transactions and refuses new
 * connections), and when its Patroni took the leader lock. Pure functions over the log's text.
 *
 * PostgreSQL's default prefix (log_line_prefix '%m [%p] ') gives "2026-12-04 23:37:24.009 UTC [2907]";
 * Patroni's gives "2026-12-04 23:37:24,248 INFO:" in the machine's local time.
 */

export type LogEventKind =
  /** PostgreSQL: "database system is ready to accept connections" (read-write). */
  | 'writable'
  /** PostgreSQL: "ready to accept read-only connections". */
  | 'read-only'
  /** PostgreSQL: "received fast|smart|immediate shutdown request": writes end here. */
  | 'shutdown-requested'
  | 'promote-requested'
  /** Patroni took the leader key ("promoted self to leader by acquiring session lock"). */
  | 'lock-acquired'
  /** Patroni decided to demote because it could not reach etcd. */
  | 'demote-decided';

export interface LogEvent {
  readonly t: number;
  readonly node: string;
  readonly kind: LogEventKind;
}

const PG_LINE =
  /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3}) (UTC|GMT|[+-]\d\d(?::?\d\d)?) \[\d+\] (?:\S+:\s+)?(.*)$/;
const PATRONI_LINE = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d),(\d{3}) (INFO|WARNING|ERROR|DEBUG|CRITICAL): (.*)$/;

const PG_EVENTS: readonly [RegExp, LogEventKind][] = [
  [/database system is ready to accept connections/, 'writable'],
  [/database system is ready to accept read-only connections/, 'read-only'],
  [/received (?:fast|smart|immediate) shutdown request/, 'shutdown-requested'],
  [/received promote request/, 'promote-requested'],
];
const PATRONI_EVENTS: readonly [RegExp, LogEventKind][] = [
  [/promoted self to leader by acquiring session lock|acquired session lock as a leader/, 'lock-acquired'],
  [/^demoting self because DCS is not accessible/, 'demote-decided'],
];

function offsetMs(zone: string): number {
  if (zone === 'UTC' || zone === 'GMT') return 0;
  const m = /^([+-])(\d\d):?(\d\d)?$/.exec(zone);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return (m[1] === '-' ? -1 : 1) * minutes * 60_000;
}

/** The events in one node's log, in order. Lines of any other form are skipped. */
export function parseNodeLog(node: string, text: string): LogEvent[] {
  const events: LogEvent[] = [];
  for (const line of text.split('\n')) {
    const pg = PG_LINE.exec(line);
    if (pg) {
      const n = (i: number) => Number(pg[i]);
      const t = Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6), n(7)) - offsetMs(pg[8] ?? 'UTC');
      const kind = PG_EVENTS.find(([re]) => re.test(pg[9] ?? ''))?.[1];
      if (kind) events.push({ t, node, kind });
      continue;
    }
    const patroni = PATRONI_LINE.exec(line);
    if (patroni) {
      const n = (i: number) => Number(patroni[i]);
      // Patroni logs the machine's local time, as new Date(...) reads it.
      const t = new Date(n(1), n(2) - 1, n(3), n(4), n(5), n(6), n(7)).getTime();
      const kind = PATRONI_EVENTS.find(([re]) => re.test(patroni[9] ?? ''))?.[1];
      if (kind) events.push({ t, node, kind });
    }
  }
  return events.sort((a, b) => a.t - b.t);
}

export interface WritableSpan {
  readonly node: string;
  readonly from: number;
  /** null: still writable when the log ends. */
  readonly to: number | null;
}

/**
 * When each node's PostgreSQL accepted writes, from 'writable' to the next shutdown request (or
 * read-only start). `primaryAtStart` was writable before the first event seen. A node `frozen`
 * (paused) during a span cannot accept anything then, so that part is cut out.
 */
export function writableSpans(
  events: readonly LogEvent[],
  primaryAtStart: string,
  from: number,
  frozen: readonly { node: string; from: number; to: number }[] = [],
): WritableSpan[] {
  const spans: WritableSpan[] = [];
  const open = new Map<string, number>([[primaryAtStart, from]]);
  for (const e of [...events].filter((x) => x.t >= from).sort((a, b) => a.t - b.t)) {
    if (e.kind === 'writable' && !open.has(e.node)) open.set(e.node, e.t);
    if ((e.kind === 'shutdown-requested' || e.kind === 'read-only') && open.has(e.node)) {
      spans.push({ node: e.node, from: open.get(e.node) ?? e.t, to: e.t });
      open.delete(e.node);
    }
  }
  for (const [node, start] of open) spans.push({ node, from: start, to: null });
  // Cut the frozen stretches out of the spans.
  return spans
    .flatMap((span) => {
      const pieces: WritableSpan[] = [];
      let cursor = span.from;
      for (const f of frozen.filter((x) => x.node === span.node).sort((a, b) => a.from - b.from)) {
        if (span.to !== null && f.from >= span.to) break;
        if (f.to <= cursor) continue;
        if (f.from > cursor) pieces.push({ node: span.node, from: cursor, to: f.from });
        cursor = f.to;
      }
      if (span.to === null || cursor < span.to) pieces.push({ node: span.node, from: cursor, to: span.to });
      return pieces;
    })
    .sort((a, b) => a.from - b.from);
}

/** Stretches in which two different nodes accepted writes at once (potential split brain). */
export function writableOverlaps(
  spans: readonly WritableSpan[],
  end: number,
): { nodes: [string, string]; from: number; to: number }[] {
  const overlaps: { nodes: [string, string]; from: number; to: number }[] = [];
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const a = spans[i];
      const b = spans[j];
      if (!a || !b || a.node === b.node) continue;
      const from = Math.max(a.from, b.from);
      const to = Math.min(a.to ?? end, b.to ?? end);
      if (from < to) overlaps.push({ nodes: [a.node, b.node], from, to });
    }
  }
  return overlaps.sort((x, y) => x.from - y.from);
}
