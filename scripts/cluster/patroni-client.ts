/**
 * Reading the cluster's state from Patroni's REST API (GET /cluster), which
 * every node serves: members, roles and replication state, as Patroni sees
 * them in etcd. https://patroni.readthedocs.io/en/latest/rest_api.html
 */
import type { LabLayout } from './lab-layout.ts';

export interface MemberState {
  readonly name: string;
  /** leader, sync_standby or replica (Patroni 3.0 names). */
  readonly role: string;
  /** running, streaming, starting, stopped, ... */
  readonly state: string;
  readonly timeline?: number;
  readonly lag?: number | string;
}

export async function clusterMembers(lab: LabLayout): Promise<MemberState[]> {
  let lastError: unknown;
  for (const node of lab.nodes) {
    try {
      const response = await fetch(`${node.apiUrl}/cluster`, { signal: AbortSignal.timeout(1500) });
      const body = (await response.json()) as { members?: MemberState[] };
      if (body.members) return body.members;
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`no Patroni REST API answered: ${String(lastError)}`);
}

/** One line such as "node1 leader/running, node2 sync_standby/streaming". */
export function describeMembers(members: readonly MemberState[]): string {
  return members.map((m) => `${m.name} ${m.role}/${m.state}`).join(', ') || 'no members';
}
