/**
 * A private network for the lab, so that faults are real network events: every lab host (each etcd
 * member, each Patroni node, and a client host running HAProxy and the test's writer) gets its own
 * network namespace with its own address from the lab's files, and a cable (a veth pair) to one
 * bridge in a hub namespace. A partition is then packets dropped on that bridge between chosen
 * addresses (an nftables rule in the hub), a slow link a rate limit (tc tbf) on one host's cable.
 * Nothing here touches the host's own network, firewall or qdiscs: every rule lives in a namespace
 * this module created, and destroyNetwork() removes them all.
 *
 * The lab's addresses are loopback addresses (127.0.0.11-30). Linux routes 127/8 only on `lo`
 * unless `route_localnet` is set, so each host namespace keeps 127.0.0.1 alone on its `lo`, sets
 * route_localnet, and puts its lab address on its cable: traffic between two lab addresses then
 * really crosses the bridge, with the sender's own address as its source. The lab files stay as
 * they are.
 */
import { runCommand, type CommandResult } from '../run-command.ts';
import type { LabLayout } from '../lab-layout.ts';

export interface NetHost {
  /** etcd1, node1, client: the name used by the scenarios and the lab commands. */
  readonly name: string;
  /** The host's network namespace. */
  readonly netns: string;
  /** Its one address, from the lab's files. */
  readonly address: string;
  /** Its cable's end in the hub (an interface name, at most 15 characters). */
  readonly port: string;
}

export interface NetworkPlan {
  /** Prefix of every namespace name, unique to the run that created it. */
  readonly id: string;
  /** The namespace holding the bridge, the partition rules and the hub ends of the cables. */
  readonly hub: string;
  readonly hosts: readonly NetHost[];
}

/** The host that runs HAProxy, the writer and the test itself. */
export const CLIENT_HOST = 'client';
const TABLE = 'cde_faults';
const COMMAND_TIMEOUT_MS = 10_000;

function hostOfUrl(url: string): string {
  return new URL(url).hostname;
}

/**
 * One host per etcd member, one per Patroni node, and the client host, from the lab's layout. Throws
 * when a daemon's addresses disagree (a node whose REST API and PostgreSQL listen on different
 * addresses would need two hosts).
 */
export function planNetwork(lab: LabLayout, id: string): NetworkPlan {
  if (!/^[a-z0-9-]{1,20}$/.test(id)) throw new Error(`network id "${id}": use 1-20 of a-z, 0-9 and -`);
  const host = (name: string, address: string): NetHost => ({
    name,
    netns: `${id}-${name}`,
    address,
    port: name.slice(0, 15),
  });
  const hosts = [
    ...lab.etcd.map((m) => host(m.name, hostOfUrl(m.clientUrl))),
    ...lab.nodes.map((n) => {
      const api = hostOfUrl(n.apiUrl);
      if (api !== n.pgHost)
        throw new Error(`${n.name}: REST API on ${api} but PostgreSQL on ${n.pgHost}; a host has one address here`);
      return host(n.name, n.pgHost);
    }),
  ];
  const client = lab.writeAddress.host;
  for (const other of [lab.readAddress.host, lab.statsAddress.host]) {
    if (other !== client) throw new Error(`HAProxy binds ${client} and ${other}; the client host has one address`);
  }
  hosts.push(host(CLIENT_HOST, client));
  const addresses = new Set(hosts.map((h) => h.address));
  if (addresses.size !== hosts.length) throw new Error('two lab hosts share an address');
  for (const a of addresses) if (!a.startsWith('127.')) throw new Error(`${a} is not a loopback address`);
  return { id, hub: `${id}-hub`, hosts };
}

export function hostNamed(plan: NetworkPlan, name: string): NetHost {
  const found = plan.hosts.find((h) => h.name === name);
  if (!found) throw new Error(`no lab host named ${name} (hosts: ${plan.hosts.map((h) => h.name).join(', ')})`);
  return found;
}

/** `ip netns exec <ns> <command…>`, bounded. */
export function inNetns(netns: string, command: string, args: readonly string[], timeoutMs = COMMAND_TIMEOUT_MS) {
  return runCommand('ip', ['netns', 'exec', netns, command, ...args], { timeoutMs });
}

async function must(result: Promise<CommandResult>, what: string): Promise<void> {
  const r = await result;
  if (!r.ok) throw new Error(`${what} failed: ${(r.stderr || r.stdout).trim()}`);
}

const ip = (args: readonly string[]) => runCommand('ip', args, { timeoutMs: COMMAND_TIMEOUT_MS });

/** The namespaces that exist now, by name. */
export async function existingNamespaces(): Promise<string[]> {
  const r = await ip(['netns', 'list']);
  return r.stdout
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter(Boolean);
}

/**
 * Creates the hub, one namespace per host and their cables. On failure, removes what it created
 * before rethrowing.
 */
export async function createNetwork(plan: NetworkPlan): Promise<void> {
  const taken = (await existingNamespaces()).filter((n) => n.startsWith(`${plan.id}-`));
  if (taken.length > 0) throw new Error(`namespaces ${taken.join(', ')} exist already: another run is using them`);
  try {
    await must(ip(['netns', 'add', plan.hub]), `ip netns add ${plan.hub}`);
    await must(ip(['-n', plan.hub, 'link', 'set', 'lo', 'up']), 'hub lo up');
    await must(ip(['-n', plan.hub, 'link', 'add', 'br0', 'type', 'bridge']), 'bridge');
    await must(ip(['-n', plan.hub, 'link', 'set', 'br0', 'up']), 'bridge up');
    for (const h of plan.hosts) {
      await must(ip(['netns', 'add', h.netns]), `ip netns add ${h.netns}`);
      await must(
        ip(['-n', plan.hub, 'link', 'add', h.port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', h.netns]),
        `cable for ${h.name}`,
      );
      await must(ip(['-n', plan.hub, 'link', 'set', h.port, 'master', 'br0', 'up']), `plug ${h.name} in`);
      // 127/8 may cross a real interface only with route_localnet ("all" ORs into every interface).
      await must(inNetns(h.netns, 'sysctl', ['-qw', 'net.ipv4.conf.all.route_localnet=1']), `route_localnet`);
      await must(ip(['-n', h.netns, 'link', 'set', 'lo', 'up']), `${h.name} lo up`);
      // Bringing lo up claims all of 127.0.0.0/8 as local; keep only 127.0.0.1 there.
      await must(ip(['-n', h.netns, 'addr', 'del', '127.0.0.1/8', 'dev', 'lo']), `${h.name} lo /8`);
      await must(ip(['-n', h.netns, 'addr', 'add', '127.0.0.1/32', 'dev', 'lo']), `${h.name} lo /32`);
      await must(ip(['-n', h.netns, 'addr', 'add', `${h.address}/32`, 'dev', 'eth0']), `${h.name} address`);
      await must(ip(['-n', h.netns, 'link', 'set', 'eth0', 'up']), `${h.name} eth0 up`);
      await must(
        ip(['-n', h.netns, 'route', 'add', '127.0.0.0/8', 'dev', 'eth0', 'src', h.address]),
        `${h.name} route to the other hosts`,
      );
    }
    // The partition rules' table: a bridge-family filter on the hub's forwarding path.
    await must(inNetns(plan.hub, 'nft', ['add', 'table', 'bridge', TABLE]), 'nft table');
    await must(
      inNetns(plan.hub, 'nft', [
        'add chain bridge',
        TABLE,
        'forward { type filter hook forward priority 0 ; policy accept ; }',
      ]),
      'nft chain',
    );
  } catch (error) {
    await destroyNetwork(plan);
    throw error;
  }
}

/**
 * Removes every namespace of the plan (with them go their cables, rules and qdiscs). Returns what it
 * removed. Processes still inside a namespace would keep its network alive: the caller stops its
 * daemons first, and this reports any PID still inside.
 */
export async function destroyNetwork(plan: NetworkPlan): Promise<{ removed: string[]; stillInside: number[] }> {
  const existing = new Set(await existingNamespaces());
  const removed: string[] = [];
  const stillInside: number[] = [];
  for (const ns of [...plan.hosts.map((h) => h.netns), plan.hub]) {
    if (!existing.has(ns)) continue;
    const pids = await ip(['netns', 'pids', ns]);
    stillInside.push(...pids.stdout.split('\n').filter(Boolean).map(Number));
    const r = await ip(['netns', 'del', ns]);
    if (r.ok) removed.push(ns);
  }
  return { removed, stillInside };
}

/** One cut: no packet passes between any address of one side and any of the other. */
export interface Cut {
  readonly from: readonly string[];
  readonly to: readonly string[];
}

/** The nft rules (one per direction) that drop every packet between two sets of hosts. */
export function cutRules(plan: NetworkPlan, cut: Cut): string[] {
  const set = (names: readonly string[]) => `{ ${names.map((n) => hostNamed(plan, n).address).join(', ')} }`;
  if (cut.from.length === 0 || cut.to.length === 0) throw new Error('a cut needs a host on each side');
  const overlap = cut.from.filter((n) => cut.to.includes(n));
  if (overlap.length > 0) throw new Error(`${overlap.join(', ')} on both sides of a cut`);
  return [
    `ip saddr ${set(cut.from)} ip daddr ${set(cut.to)} drop`,
    `ip saddr ${set(cut.to)} ip daddr ${set(cut.from)} drop`,
  ];
}

/** Drops every packet between the two sides, from now on (established connections too). */
export async function partition(plan: NetworkPlan, cut: Cut): Promise<void> {
  for (const rule of cutRules(plan, cut)) {
    await must(inNetns(plan.hub, 'nft', ['add rule bridge', TABLE, 'forward', rule]), `nft add rule ${rule}`);
  }
}

/** Every host is `name`'s neighbour except itself: the list for "cut off from everyone". */
export function everyoneBut(plan: NetworkPlan, names: readonly string[]): string[] {
  return plan.hosts.map((h) => h.name).filter((n) => !names.includes(n));
}

/** Cuts `host` off from every other host of the network. */
export async function isolate(plan: NetworkPlan, host: string): Promise<void> {
  await partition(plan, { from: [host], to: everyoneBut(plan, [host]) });
}

/** A rate limit on one host's cable, both directions (tc tbf: this kernel has no netem). */
export interface Throttle {
  readonly host: string;
  /** tc rate, e.g. "512kbit". */
  readonly rate: string;
  /** Bucket size, e.g. "16kb". */
  readonly burst: string;
  /** Longest a packet may queue before tbf drops it, e.g. "400ms". */
  readonly latency: string;
}

export async function throttle(plan: NetworkPlan, t: Throttle): Promise<void> {
  const h = hostNamed(plan, t.host);
  const qdisc = ['root', 'tbf', 'rate', t.rate, 'burst', t.burst, 'latency', t.latency];
  // Towards the host: the hub's end of its cable; from the host: its own end.
  await must(inNetns(plan.hub, 'tc', ['qdisc', 'replace', 'dev', h.port, ...qdisc]), `tc on ${h.port}`);
  await must(inNetns(h.netns, 'tc', ['qdisc', 'replace', 'dev', 'eth0', ...qdisc]), `tc on ${h.name}'s eth0`);
}

/** Removes every cut and every rate limit: the network is whole again. */
export async function heal(plan: NetworkPlan): Promise<void> {
  await must(inNetns(plan.hub, 'nft', ['flush chain bridge', TABLE, 'forward']), 'nft flush');
  for (const h of plan.hosts) {
    // `tc qdisc del` fails when there is no qdisc to delete: that is fine.
    await inNetns(plan.hub, 'tc', ['qdisc', 'del', 'dev', h.port, 'root']);
    await inNetns(h.netns, 'tc', ['qdisc', 'del', 'dev', 'eth0', 'root']);
  }
}

/** The hub's current partition rules, as nft lists them (for the log and the lab's `status`). */
export async function activeRules(plan: NetworkPlan): Promise<string[]> {
  const r = await inNetns(plan.hub, 'nft', ['list chain bridge', TABLE, 'forward']);
  return r.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('ip saddr'));
}
