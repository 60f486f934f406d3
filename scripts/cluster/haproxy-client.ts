/**
 * What HAProxy currently believes, from its stats page in CSV form
 * (https://docs.haproxy.org/2.6/management.html#9.1): which servers of each
 * proxy are UP. Right after HAProxy starts, every server counts as UP until
 * its first health check fails, so "the write port reaches the leader" alone
 * can be luck; this tells us when every node has actually been checked.
 */
import type { LabLayout } from './lab-layout.ts';

export interface ServerState {
  readonly proxy: string;
  readonly server: string;
  /** UP, DOWN, "UP 1/2" (going down), ... */
  readonly status: string;
  /** L7OK, L7STS, L4CON, INI (not checked yet), ... */
  readonly checkStatus: string;
}

export async function haproxyServers(lab: LabLayout): Promise<ServerState[]> {
  const { host, port } = lab.statsAddress;
  const response = await fetch(`http://${host}:${port}/;csv`, { signal: AbortSignal.timeout(1500) });
  const [header, ...rows] = (await response.text()).trim().split('\n');
  const columns = (header ?? '').replace(/^# /, '').split(',');
  const at = (name: string) => columns.indexOf(name);
  return rows
    .map((row) => row.split(','))
    .filter((cells) => cells[at('svname')] !== 'FRONTEND' && cells[at('svname')] !== 'BACKEND')
    .map((cells) => ({
      proxy: cells[at('pxname')] ?? '',
      server: cells[at('svname')] ?? '',
      status: cells[at('status')] ?? '',
      checkStatus: cells[at('check_status')] ?? '',
    }));
}

/** Names of the servers HAProxy would send a new connection to, per proxy. */
export async function serversUp(lab: LabLayout, proxy: string): Promise<string[]> {
  return (await haproxyServers(lab))
    .filter((s) => s.proxy === proxy && s.status === 'UP')
    .map((s) => s.server)
    .sort();
}
