/**
 * Runs a short command (psql, patronictl, etcdctl, haproxy -c) with a hard
 * timeout. patronictl in particular waits forever when etcd is unreachable,
 * so nothing here may run without one.
 */
import { execFile } from 'node:child_process';

export interface CommandResult {
  readonly ok: boolean;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export function runCommand(
  command: string,
  args: readonly string[],
  options: { timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      [...args],
      {
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        env: options.env ?? process.env,
        maxBuffer: 4 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const err = error as (NodeJS.ErrnoException & { code?: number | string; killed?: boolean }) | null;
        resolve({
          ok: err === null,
          code: err === null ? 0 : typeof err.code === 'number' ? err.code : null,
          stdout: String(stdout),
          stderr: String(stderr) || (err && typeof err.code === 'string' ? `${command}: ${err.code}` : ''),
          timedOut: Boolean(err?.killed),
        });
      },
    );
  });
}
