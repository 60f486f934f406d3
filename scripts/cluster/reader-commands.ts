/**
 * The commands a reader types to look at the lab, or at a real cluster, by hand: patronictl with
 * its configuration file, etcdctl for the leader key and its lease, curl for Patroni's REST API.
 * The lab CLI prints them with their output, and the cluster test records them into
 * bench-results/lab-transcript.json, from which the lab article shows them. Each is built once
 * here, as shown to the reader and as run, so the two cannot drift apart. Pure: no I/O.
 */

/** Where `npm run lab` keeps its state; the cluster test's temporary directory is shown as this. */
export const LAB_STATE_DIR = '/tmp/cde-lab';

export interface ReaderCommand {
  /** The command line as the reader types it. */
  readonly shown: string;
  /** What the harness runs: a program and its arguments, without a shell. */
  readonly file: string;
  readonly args: readonly string[];
}

/**
 * `path` inside `stateDir`, shown inside `shownDir` instead: the cluster test runs in a temporary
 * directory but shows the paths of the lab's own (`npm run lab` passes its real directory).
 */
export function shownPath(path: string, stateDir: string, shownDir = LAB_STATE_DIR): string {
  const base = stateDir.replace(/\/+$/, '');
  return path === base || path.startsWith(`${base}/`) ? `${shownDir}${path.slice(base.length)}` : path;
}

function command(file: string, args: readonly string[], shownArgs: readonly string[] = args): ReaderCommand {
  return { shown: [file, ...shownArgs].join(' '), file, args };
}

/** `patronictl -c <node file> list`: patronictl needs a node's file to find etcd and the scope. */
export function patronictlList(configFile: string, stateDir: string, shownDir = LAB_STATE_DIR): ReaderCommand {
  return command('patronictl', ['-c', configFile, 'list'], ['-c', shownPath(configFile, stateDir, shownDir), 'list']);
}

/** `patronictl -c <node file> switchover --leader A --candidate B --force`. */
export function patronictlSwitchover(
  configFile: string,
  stateDir: string,
  move: { readonly leader: string; readonly candidate: string },
  shownDir = LAB_STATE_DIR,
): ReaderCommand {
  const rest = ['switchover', '--leader', move.leader, '--candidate', move.candidate, '--force'];
  return command('patronictl', ['-c', configFile, ...rest], ['-c', shownPath(configFile, stateDir, shownDir), ...rest]);
}

/** The leader key's path: `<namespace><scope>/leader`, as Patroni names it. */
export function leaderKey(namespace: string, scope: string): string {
  return `${namespace.replace(/\/?$/, '/')}${scope}/leader`;
}

/**
 * `etcdctl --endpoints=… get <key> -w fields`: the value and, among the fields, the lease the key
 * is attached to (in decimal).
 */
export function etcdctlGetFields(endpoints: readonly string[], key: string): ReaderCommand {
  return command('etcdctl', [`--endpoints=${endpoints.join(',')}`, 'get', key, '-w', 'fields']);
}

/** `etcdctl --endpoints=… lease timetolive <hex id> --keys`: time left and every key on the lease. */
export function etcdctlLeaseTimeToLive(endpoints: readonly string[], leaseHex: string): ReaderCommand {
  return command('etcdctl', [`--endpoints=${endpoints.join(',')}`, 'lease', 'timetolive', leaseHex, '--keys']);
}

/** `curl -s http://<node>:8008/patroni`: one node's own view, as JSON. */
export function curlPatroni(apiUrl: string): ReaderCommand {
  return command('curl', ['-s', `${apiUrl.replace(/\/+$/, '')}/patroni`]);
}

/**
 * The lease ID from `etcdctl get -w fields` output (`"Lease" : 2324035818062763013`), in the
 * hexadecimal form `etcdctl lease` commands take and print. Null when the key has no lease.
 */
export function leaseIdFromFields(fields: string): string | null {
  const match = /^"Lease" : (\d+)$/m.exec(fields);
  if (!match?.[1] || match[1] === '0') return null;
  // etcdctl prints lease IDs as 16 hexadecimal digits (%016x); it accepts them without the zeros too.
  return BigInt(match[1]).toString(16).padStart(16, '0');
}

/** `kill -KILL <pids>`: what `npm run lab -- fail` does to the primary's Patroni and PostgreSQL. */
export function killCommand(pids: readonly number[]): string {
  return `kill -KILL ${pids.join(' ')}`;
}
