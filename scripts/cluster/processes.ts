/**
 * Starting and stopping the lab's daemons. Every process is started here,
 * recorded with its PID, and later stopped by that PID only: the harness
 * never looks processes up by name, so it cannot touch anything it did not
 * start (a reader's own PostgreSQL, another etcd, ...).
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

export interface Started {
  readonly name: string;
  readonly pid: number;
  /** A string that /proc/PID/cmdline must contain, so a recycled PID is never signalled. */
  readonly marker: string;
  readonly log: string;
}

export interface StartOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly log: string;
  /** Run as this user via setpriv, which execs in place and so keeps the PID. */
  readonly user?: string;
  /** Let the process outlive this Node process (used by `npm run lab -- start`). */
  readonly detached?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Run inside this named network namespace (`ip netns exec`, which execs in place and so keeps
   * the PID): the fault tests give every lab host its own network (scripts/cluster/faults/).
   */
  readonly netns?: string | undefined;
}

/** Starts a daemon with stdout and stderr appended to its log file. */
export function startProcess(options: StartOptions): Started {
  const fd = openSync(options.log, 'a');
  const [program, programArgs] = options.user
    ? [
        'setpriv',
        ['--reuid', options.user, '--regid', options.user, '--init-groups', '--', options.command, ...options.args],
      ]
    : [options.command, [...options.args]];
  const [command, args] = options.netns
    ? ['ip', ['netns', 'exec', options.netns, program, ...programArgs]]
    : [program, programArgs];
  try {
    const child = spawn(command, args, {
      stdio: ['ignore', fd, fd],
      detached: options.detached ?? false,
      env: options.env ?? process.env,
      // Another user may not be allowed into the repository's folder (a clone in a `mktemp -d`
      // folder is mode 700): Patroni's subprocesses then fail to start. Every path they get is
      // absolute, so start them from the root instead.
      ...(options.user ? { cwd: '/' } : {}),
    });
    if (child.pid === undefined) throw new Error(`could not start ${options.name} (${options.command})`);
    if (options.detached) child.unref();
    // An exit is noticed by polling isAlive(); swallow the event so Node does not warn.
    child.on('error', () => undefined);
    const marker = options.args.at(-1) ?? options.command;
    return { name: options.name, pid: child.pid, marker, log: options.log };
  } finally {
    closeSync(fd);
  }
}

/** True while the PID exists and still runs the program we started. */
export function isAlive(p: Pick<Started, 'pid' | 'marker'>): boolean {
  try {
    const cmdline = readFileSync(`/proc/${p.pid}/cmdline`, 'utf8');
    // A zombie (exited, not yet reaped) has an empty cmdline: not alive.
    return cmdline.includes(p.marker);
  } catch {
    return false;
  }
}

/** Sends a signal to one recorded process, if it is still ours. */
export function signal(p: Pick<Started, 'pid' | 'marker'>, sig: NodeJS.Signals): boolean {
  if (!isAlive(p)) return false;
  try {
    process.kill(p.pid, sig);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks a process to stop (SIGTERM), waits up to graceMs, then SIGKILLs it. */
export async function stopProcess(
  p: Pick<Started, 'pid' | 'marker'>,
  graceMs: number,
): Promise<'stopped' | 'killed' | 'gone'> {
  if (!signal(p, 'SIGTERM')) return 'gone';
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(p)) return 'stopped';
    await sleep(100);
  }
  signal(p, 'SIGKILL');
  return 'killed';
}

/**
 * The postmaster started by a Patroni node: PostgreSQL writes its PID in the
 * first line of postmaster.pid in the data directory. Patroni's child, so
 * ours too; killing Patroni with SIGKILL leaves it running, so the harness
 * must be able to stop it on its own.
 */
export function postmasterOf(dataDir: string): Started | undefined {
  try {
    const pid = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? { name: 'postgres', pid, marker: 'postgres', log: '' } : undefined;
  } catch {
    return undefined;
  }
}
