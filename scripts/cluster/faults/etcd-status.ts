/**
 * Two more questions for etcd, over the same JSON gateway as etcd-client.ts: which member is the
 * Raft leader (POST /v3/maintenance/status), and whether a key exists (Patroni's /failsafe key).
 */
import { readPatroniKey } from '../etcd-client.ts';
import type { LabLayout } from '../lab-layout.ts';

const TIMEOUT_MS = 1500;

/** The name of the member that is etcd's Raft leader, or null when no member answers with one. */
export async function etcdLeaderMember(lab: LabLayout): Promise<string | null> {
  for (const member of lab.etcd) {
    try {
      const response = await fetch(`${member.clientUrl}/v3/maintenance/status`, {
        method: 'POST',
        body: '{}',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const body = (await response.json()) as { leader?: string; header?: { member_id?: string } };
      if (body.leader && body.leader !== '0' && body.header?.member_id === body.leader) return member.name;
    } catch {
      // Try the next member.
    }
  }
  return null;
}

/** Whether `<namespace><scope>/<name>` exists in etcd; throws when no member answers. */
export async function patroniKeyExists(lab: LabLayout, name: string): Promise<boolean> {
  return (await readPatroniKey(lab, name)) !== null;
}
