/**
 * Checks before starting anything: the harness needs root (to run PostgreSQL
 * as the postgres user), the Debian packages, and free lab addresses.
 */
import { createConnection } from 'node:net';
import { runCommand } from './run-command.ts';

const PROGRAMS = ['etcd', 'etcdctl', 'patroni', 'patronictl', 'haproxy', 'psql', 'setpriv'];

/** Whether something accepts TCP connections at host:port (within half a second). */
export function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 500 });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

/** Returns a list of reasons the lab cannot start here; empty when it can. */
export async function preflight(addresses: readonly { host: string; port: number }[]): Promise<string[]> {
  const reasons: string[] = [];
  if (process.platform !== 'linux') reasons.push('the lab runs on Linux only');
  if (process.getuid?.() !== 0)
    reasons.push('run as root (e.g. with sudo): PostgreSQL must be started as the postgres user');
  for (const program of PROGRAMS) {
    const found = await runCommand('sh', ['-c', `command -v ${program}`], { timeoutMs: 5000 });
    if (!found.ok) reasons.push(`${program} is not installed: run scripts/cluster/install-deps.sh`);
  }
  for (const { host, port } of addresses) {
    if (await listening(host, port)) {
      reasons.push(`${host}:${port} is already in use (a lab still running? stop it with: npm run lab -- stop)`);
    }
  }
  return reasons;
}
