/**
 * Redis Cluster operations for the lab: creating the cluster with redis-cli, reading its topology
 * (CLUSTER NODES), waiting until it is whole, and running redis-cli the way a reader does to show
 * MOVED redirects and hash tags.
 */
import { describeReply, question } from './redis-daemons.ts';
import type { RedisLayout, RedisNode } from './redis-layout.ts';
import { runCommand } from './run-command.ts';
import { waitFor } from './wait-for.ts';

/** One line of CLUSTER NODES (https://redis.io/docs/latest/commands/cluster-nodes/). */
export interface ClusterNodeLine {
  readonly id: string;
  /** host:port, without the bus port. */
  readonly address: string;
  readonly flags: readonly string[];
  /** The primary's ID for a replica, "-" for a primary. */
  readonly primaryId: string;
  readonly linkState: string;
  /** Slot ranges served, as written: "0-5460". */
  readonly slots: readonly string[];
}

export function parseClusterNodes(text: string): ClusterNodeLine[] {
  return text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id = '', address = '', flags = '', primaryId = '', , , , linkState = '', ...slots] = line
        .trim()
        .split(' ');
      return {
        id,
        address: address.split('@')[0] ?? address,
        flags: flags.split(','),
        primaryId,
        linkState,
        slots,
      };
    });
}

export const isPrimary = (n: ClusterNodeLine) => n.flags.includes('master') && !n.flags.includes('fail');

export async function clusterNodes(lab: RedisLayout, asking: RedisNode): Promise<ClusterNodeLine[]> {
  const reply = await question(lab, asking, ['CLUSTER', 'NODES']);
  if (typeof reply !== 'string') throw new Error(`CLUSTER NODES from ${asking.name}: ${describeReply(reply)}`);
  return parseClusterNodes(reply);
}

/** redis-cli with the lab's password from the environment (REDISCLI_AUTH), never on the command line. */
export function redisCli(lab: RedisLayout, args: readonly string[], timeoutMs = 15_000) {
  return runCommand('redis-cli', args, {
    timeoutMs,
    env: { ...process.env, REDISCLI_AUTH: lab.password, NO_COLOR: '1' },
  });
}

/** Removes the terminal colour codes redis-cli prints in cluster mode. */
const ESCAPE = String.fromCharCode(27);
export const plainText = (text: string): string =>
  text
    .split(ESCAPE)
    .map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/, '')))
    .join('');

/** `redis-cli --cluster create` of the six nodes, one replica per primary; returns what it printed. */
export async function createCluster(lab: RedisLayout, timeoutMs = 90_000): Promise<string> {
  const addresses = lab.clusterNodes.map((n) => `${n.host}:${n.port}`);
  const result = await redisCli(
    lab,
    ['--cluster', 'create', ...addresses, '--cluster-replicas', '1', '--cluster-yes'],
    timeoutMs,
  );
  const output = plainText(result.stdout + result.stderr);
  if (!result.ok)
    throw new Error(`redis-cli --cluster create failed${result.timedOut ? ' (timed out)' : ''}:\n${output}`);
  return output;
}

export interface ClusterState {
  /** Primary node name → its replica's node name, from the running nodes' view. */
  readonly pairs: ReadonlyMap<string, string>;
  readonly topology: readonly ClusterNodeLine[];
}

/**
 * Waits until every node in `expected` reports cluster_state:ok, sees three primaries that serve
 * slots and one replica of each, and every replica's replication link is up.
 */
export async function waitForClusterOk(
  lab: RedisLayout,
  expected: readonly RedisNode[],
  timeoutMs: number,
): Promise<ClusterState> {
  let seen = '';
  const byAddress = new Map(lab.clusterNodes.map((n) => [`${n.host}:${n.port}`, n]));
  return waitFor(
    `the cluster to be whole on ${expected.map((n) => n.name).join(', ')}`,
    timeoutMs,
    async () => {
      for (const node of expected) {
        const reply = await question(lab, node, ['CLUSTER', 'INFO']);
        const state = typeof reply === 'string' ? /cluster_state:(\w+)/.exec(reply)?.[1] : undefined;
        if (state !== 'ok') {
          seen = `${node.name}: cluster_state ${state ?? describeReply(reply)}`;
          return undefined;
        }
      }
      const first = expected[0];
      if (!first) return undefined;
      const topology = await clusterNodes(lab, first);
      const primaries = topology.filter((n) => isPrimary(n) && n.slots.length > 0);
      const replicas = topology.filter((n) => n.flags.includes('slave') && !n.flags.includes('fail'));
      seen = `${primaries.length} primaries with slots, ${replicas.length} replicas`;
      if (primaries.length !== 3 || replicas.length !== expected.length - 3) return undefined;
      const pairs = new Map<string, string>();
      for (const r of replicas) {
        const primary = topology.find((n) => n.id === r.primaryId);
        const rNode = byAddress.get(r.address);
        const pNode = primary && byAddress.get(primary.address);
        if (!rNode || !pNode) return undefined;
        const linkUp = await question(lab, rNode, ['INFO', 'replication']);
        if (typeof linkUp !== 'string' || !linkUp.includes('master_link_status:up')) {
          seen = `${rNode.name}: replication link not up yet`;
          return undefined;
        }
        pairs.set(pNode.name, rNode.name);
      }
      return { pairs, topology };
    },
    { intervalMs: 250, describe: () => seen },
  );
}

/** The node that owns `slot`, from a topology. */
export function ownerOfSlot(topology: readonly ClusterNodeLine[], slot: number): ClusterNodeLine | undefined {
  return topology.find(
    (n) =>
      isPrimary(n) &&
      n.slots.some((range) => {
        if (range.startsWith('[')) return false; // a slot being migrated
        const [from, to = from] = range.split('-').map(Number);
        return from !== undefined && to !== undefined && slot >= from && slot <= to;
      }),
  );
}
