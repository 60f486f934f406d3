/**
 * SQL through psql, always with a timeout. The lab has no PostgreSQL driver
 * of its own: psql comes with PostgreSQL and is what a reader would type.
 */
import type { LabLayout } from './lab-layout.ts';
import { runCommand, type CommandResult } from './run-command.ts';

export interface Endpoint {
  readonly host: string;
  readonly port: number;
}

/**
 * Runs one SQL statement (its own transaction) and returns psql's unaligned
 * output: rows only (-t), no command tag such as "INSERT 0 1" (-q).
 */
export function sql(lab: LabLayout, at: Endpoint, statement: string, timeoutMs = 5000): Promise<CommandResult> {
  const conninfo = `host=${at.host} port=${at.port} dbname=postgres user=${lab.superuser.username} connect_timeout=2`;
  return runCommand('psql', [conninfo, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', statement], {
    timeoutMs,
    env: { ...process.env, PGPASSWORD: lab.superuser.password, PGAPPNAME: 'cde-lab-harness' },
  });
}

/** Which server a connection to `at` reaches, and whether it is a primary. */
export async function whoAnswers(
  lab: LabLayout,
  at: Endpoint,
): Promise<{ host: string; primary: boolean } | undefined> {
  const result = await sql(lab, at, 'SELECT host(inet_server_addr()), pg_is_in_recovery()', 3000);
  if (!result.ok) return undefined;
  const [host, inRecovery] = result.stdout.trim().split('|');
  return host ? { host, primary: inRecovery === 'f' } : undefined;
}
