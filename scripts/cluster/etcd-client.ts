/**
 * What the harness asks etcd, over its HTTP gateway (the same /v3/... JSON
 * API Patroni's etcd3 client uses): is a member healthy, and what Patroni's
 * keys hold (who holds the leader key, what the /sync key says).
 */
import type { EtcdMember, LabLayout } from './lab-layout.ts';

const TIMEOUT_MS = 1500;

/** GET /health answers {"health":"true"} once the member has a Raft leader. */
export async function etcdHealthy(member: EtcdMember): Promise<boolean> {
  try {
    const response = await fetch(`${member.clientUrl}/health`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    const body = (await response.json()) as { health?: string };
    return response.ok && body.health === 'true';
  } catch {
    return false;
  }
}

/**
 * The value of Patroni's key <namespace><scope>/<name> (e.g. "leader", "sync"), or null when it
 * does not exist. Asks each member in turn; throws when no member answers.
 */
export async function readPatroniKey(lab: LabLayout, name: string): Promise<string | null> {
  const key = Buffer.from(`${lab.namespace.replace(/\/?$/, '/')}${lab.scope}/${name}`).toString('base64');
  let lastError: unknown;
  for (const member of lab.etcd) {
    try {
      const response = await fetch(`${member.clientUrl}/v3/kv/range`, {
        method: 'POST',
        body: JSON.stringify({ key }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`${member.name}: HTTP ${response.status}`);
      const body = (await response.json()) as { kvs?: { value?: string }[] };
      const value = body.kvs?.[0]?.value;
      return value === undefined ? null : Buffer.from(value, 'base64').toString('utf8');
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`no etcd member answered: ${String(lastError)}`);
}

/** The name of the node holding the leader lock (the leader key's value), or null when nobody does. */
export const leaderKeyHolder = (lab: LabLayout): Promise<string | null> => readPatroniKey(lab, 'leader');
