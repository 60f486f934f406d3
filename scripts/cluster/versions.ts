/** Versions of the programs the lab ran, recorded next to the measurements. */
import { join } from 'node:path';
import { runCommand } from './run-command.ts';

async function firstLine(command: string, args: readonly string[]): Promise<string> {
  const result = await runCommand(command, args, { timeoutMs: 10_000 });
  return (result.stdout || result.stderr).split('\n')[0]?.trim() ?? '';
}

export async function programVersions(binDir: string): Promise<Record<string, string>> {
  return {
    etcd: (await firstLine('etcd', ['--version'])).replace(/^etcd Version:\s*/, ''),
    patroni: (await firstLine('patroni', ['--version'])).replace(/^patroni\s*/, ''),
    postgresql: (await firstLine(join(binDir, 'postgres'), ['--version'])).replace(/^postgres \(PostgreSQL\)\s*/, ''),
    haproxy: (await firstLine('haproxy', ['-v'])).replace(/^HAProxy version\s*/, '').split(' ')[0] ?? '',
  };
}
