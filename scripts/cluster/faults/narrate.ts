/**
 * A scenario's story, one line per event, in time order: what the harness did, what the nodes' logs
 * say (to the millisecond), what etcd showed, and what the writing client saw. The results file
 * keeps it, and the lab article shows the one for a partition as its captured output. Pure.
 */
import type { RoleSample, WriteRecord } from './check-history.ts';
import { LEADER_KEY, SYNC_STANDBY } from './facts.ts';
import type { LogEvent } from './node-log.ts';

export interface NarrateInput {
  readonly faultAt: number;
  /** Until when (the scenario's end). */
  readonly until: number;
  /** What the harness did. */
  readonly actions: readonly { at: number; text: string }[];
  readonly logEvents: readonly LogEvent[];
  readonly samples: readonly RoleSample[];
  readonly writes: readonly WriteRecord[];
}

const LOG_WORDS: Readonly<Record<LogEvent['kind'], string>> = {
  'demote-decided': 'Patroni gives up on etcd and decides to demote PostgreSQL',
  'shutdown-requested': 'PostgreSQL is asked to shut down: it takes no more writes',
  'read-only': 'PostgreSQL runs again, read-only',
  'lock-acquired': 'Patroni takes the leader lock',
  'promote-requested': 'PostgreSQL is asked to promote',
  writable: 'PostgreSQL accepts writes',
};

function dcsWords(node: string, role: string): string | null {
  if (node === LEADER_KEY) {
    if (role === 'none') return 'etcd: the leader key is gone';
    if (role === 'unreachable') return 'etcd: no member answers';
    return `etcd: ${role} holds the leader key`;
  }
  if (node === SYNC_STANDBY) {
    if (role === 'unreachable') return null;
    return role === 'none' ? 'Patroni: no synchronous standby' : `Patroni: ${role} is the synchronous standby`;
  }
  return null;
}

export function narrate(input: NarrateInput): string[] {
  const lines: { t: number; text: string }[] = [];
  const inRange = (t: number) => t >= input.faultAt - 1000 && t <= input.until;
  for (const a of input.actions) if (inRange(a.at)) lines.push({ t: a.at, text: `harness: ${a.text}` });
  for (const e of input.logEvents) if (inRange(e.t)) lines.push({ t: e.t, text: `${e.node}: ${LOG_WORDS[e.kind]}` });

  const last = new Map<string, string>();
  for (const s of [...input.samples].sort((a, b) => a.t - b.t)) {
    const before = last.get(s.node);
    last.set(s.node, s.role);
    if (before === undefined || before === s.role || s.t < input.faultAt) continue;
    const words = dcsWords(s.node, s.role);
    if (words && inRange(s.t)) lines.push({ t: s.t, text: words });
  }

  const writes = [...input.writes].filter((w) => w.end >= input.faultAt).sort((a, b) => a.end - b.end);
  const firstMiss = writes.find((w) => w.outcome !== 'ok');
  if (firstMiss && inRange(firstMiss.end))
    lines.push({
      t: firstMiss.end,
      text: `client: a write ${firstMiss.outcome === 'failed' ? 'is refused' : 'gets no answer'}`,
    });
  const seen = new Set<string>();
  const lastOk = [...input.writes].filter((w) => w.outcome === 'ok' && w.end < input.faultAt).at(-1);
  if (lastOk) seen.add(`${lastOk.node ?? ''}/${lastOk.timeline ?? ''}`);
  for (const w of writes) {
    const term = `${w.node ?? ''}/${w.timeline ?? ''}`;
    if (w.outcome !== 'ok' || seen.has(term)) continue;
    seen.add(term);
    if (inRange(w.end))
      lines.push({
        t: w.end,
        text: `client: first write acknowledged by ${w.node ?? '?'} (timeline ${w.timeline ?? '?'})`,
      });
  }

  return lines
    .sort((a, b) => a.t - b.t)
    .map(({ t, text }) => `t=${((t - input.faultAt) / 1000).toFixed(1).padStart(5)} s  ${text}`);
}
