/**
 * Pausing a node the way a hypervisor pauses a VM: every process of the node stops at once and
 * later carries on as if no time had passed. The node's processes are the Patroni process this
 * harness started (found by PID and checked by its command line, never by name) and everything it
 * started: the postmaster and the postmaster's backends, WAL sender and receiver, and so on. Each
 * gets SIGSTOP; each is later resumed with SIGCONT, but only if it is still the same process (same
 * PID and same start time), so a recycled PID is never signalled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAlive, type Started } from '../processes.ts';

export interface ProcStat {
  readonly pid: number;
  readonly ppid: number;
  /** Start time in clock ticks since boot: with the PID, identifies one process for good. */
  readonly startTime: number;
  /** R, S, D, T (stopped), Z, ... */
  readonly state: string;
}

/** Parses /proc/<pid>/stat. The command name (field 2) may contain spaces and parentheses. */
export function parseProcStat(text: string): ProcStat | undefined {
  const close = text.lastIndexOf(')');
  const pid = Number.parseInt(text, 10);
  if (close < 0 || !Number.isInteger(pid)) return undefined;
  // After ") ": state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime
  // cutime cstime priority nice num_threads itrealvalue starttime (field 22 overall).
  const rest = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const state = rest[0] ?? '';
  const ppid = Number(rest[1]);
  const startTime = Number(rest[19]);
  if (!state || !Number.isInteger(ppid) || !Number.isFinite(startTime)) return undefined;
  return { pid, ppid, startTime, state };
}

/** `root` and every process descending from it, parents before children. */
export function descendants(processes: readonly ProcStat[], root: number): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const self = processes.find((p) => p.pid === root);
  if (!self) return [];
  const tree: ProcStat[] = [];
  const queue = [self];
  while (queue.length > 0 && tree.length < 10_000) {
    const p = queue.shift();
    if (!p) break;
    tree.push(p);
    queue.push(...(children.get(p.pid) ?? []));
  }
  return tree;
}

function readProcesses(): ProcStat[] {
  const all: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = parseProcStat(readFileSync(`/proc/${entry}/stat`, 'utf8'));
      if (stat) all.push(stat);
    } catch {
      // The process ended while we were listing: nothing to pause.
    }
  }
  return all;
}

function sameProcess(p: ProcStat): ProcStat | undefined {
  try {
    const now = parseProcStat(readFileSync(`/proc/${p.pid}/stat`, 'utf8'));
    return now && now.startTime === p.startTime ? now : undefined;
  } catch {
    return undefined;
  }
}

/**
 * SIGSTOPs `root` (a process this harness started) and all its descendants. Repeats the listing
 * until no new descendant appears (a process may fork while the others stop), at most five times.
 * Returns the processes it stopped, for resume().
 */
export function pauseTree(root: Pick<Started, 'pid' | 'marker'>): ProcStat[] {
  if (!isAlive(root)) throw new Error(`process ${root.pid} is not running (or is not ours): nothing to pause`);
  const stopped = new Map<number, ProcStat>();
  for (let round = 0; round < 5; round++) {
    const fresh = descendants(readProcesses(), root.pid).filter((p) => !stopped.has(p.pid));
    if (fresh.length === 0) break;
    for (const p of fresh) {
      try {
        process.kill(p.pid, 'SIGSTOP');
        stopped.set(p.pid, p);
      } catch {
        // Gone already.
      }
    }
  }
  return [...stopped.values()];
}

/** SIGCONT to every process pauseTree() stopped that is still the same process. Returns how many. */
export function resume(stopped: readonly ProcStat[]): number {
  let resumed = 0;
  for (const p of stopped) {
    if (!sameProcess(p)) continue;
    try {
      process.kill(p.pid, 'SIGCONT');
      resumed += 1;
    } catch {
      // Ended meanwhile.
    }
  }
  return resumed;
}
