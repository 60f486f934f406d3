/**
 * What `npm run lab -- start|fail|switchover` prints, line by line. The lab CLI (lab.ts) prints
 * these lines as things happen; the cluster test (test-cluster.ts) builds the same lines from what
 * it measured and records them in bench-results/lab-transcript.json, so the lab article shows the
 * output of a real run instead of output typed by hand. Pure: no I/O.
 */

/** "t=24.6 s". */
export function at(seconds: number): string {
  return `t=${seconds.toFixed(1)} s`;
}

export function opening(resuming: boolean, stateDir: string): string {
  return resuming ? 'The lab is running; starting whatever has stopped.' : `Starting the lab in ${stateDir}.`;
}

export const ETCD_STARTING = 'etcd: three members on 127.0.0.11-13 form the configuration store…';
export const ETCD_HEALTHY = '   all three members are healthy.';
export const VALIDATING = "Checking the node files with Patroni's own validator and haproxy -c…";
export const VALIDATED = '   accepted.';
export const HAPROXY_STARTING = 'HAProxy: port 5000 follows the leader, port 5001 the replicas…';

export function patroniStarting(names: readonly string[], resuming: boolean): string {
  const list = names.join(', ') || 'nothing (all nodes run)';
  return resuming
    ? `Patroni: starting ${list}; it finds the leader in etcd and rejoins as a replica (rewinding its data first if its timeline diverged)…`
    : `Patroni: starting ${list}; the first to take the leader lock initialises PostgreSQL, the others copy it and follow…`;
}

export function healthyLine(leader: string): string {
  return `   ${leader} is the leader; the other two are streaming replicas.`;
}

/** Where HAProxy's two ports lead: `node` is null when no server answers. */
export interface Route {
  readonly host: string;
  readonly port: number;
  readonly node: string | null;
}

export function routingLines(write: Route, read: Route): string {
  return [
    `HAProxy ${write.host}:${write.port} (writes) → ${write.node ?? 'no node'}`,
    `HAProxy ${read.host}:${read.port} (reads)  → ${read.node ?? 'no node'}`,
  ].join('\n');
}

export function killLine(command: string, node: string): string {
  return `$ ${command}   # ${node}'s Patroni and its PostgreSQL postmaster`;
}

export function crashedLine(seconds: number, node: string, ttl: number): string {
  return `${at(seconds)}: ${node} crashed (Patroni and PostgreSQL killed with SIGKILL). Its leader key stays in etcd until its lease runs out (ttl = ${ttl} s after the last renewal).`;
}

export function expiredLine(seconds: number): string {
  return `${at(seconds)}: the leader key expired; the replicas race for it.`;
}

export function holdsLine(seconds: number, node: string): string {
  return `${at(seconds)}: ${node} holds the leader key and promotes itself.`;
}

export function routedLine(seconds: number, node: string): string {
  return `${at(seconds)}: HAProxy sends writes to ${node}.`;
}

export function staysDownLine(node: string): string {
  return `${node} stays down. Bring it back as a replica with: npm run lab -- start`;
}

export function switchoverAskLine(leader: string, candidate: string): string {
  return `Asking Patroni to hand the leader role from ${leader} to ${candidate} (the synchronous replica, which has every commit reported as successful).`;
}

export function switchoverDoneLine(seconds: number, candidate: string, leader: string): string {
  return `After ${seconds.toFixed(1)} s HAProxy sends writes to ${candidate}; ${leader} restarts as a replica.`;
}
