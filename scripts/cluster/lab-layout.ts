/**
 * Turns the sample files into a runnable lab in a state directory: validates
 * them with the same checks as the unit tests, writes copies in which only
 * the machine-path keys differ (src/lab/machine-paths.ts), and
 * creates the directories the daemons need with the right owners.
 */
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindAddress, checkHaproxyRouting, healthCheckPath, parseHaproxyCfg } from '../../src/lab/haproxy-cfg.ts';
import { LAB_ETCD_FILES, LAB_HAPROXY_FILE, LAB_PATRONI_FILES } from '../../src/lab/lab-files.ts';
import { relocateSample } from '../../src/lab/machine-paths.ts';
import { formatProblems, type Problem } from '../../src/lab/problem.ts';
import { checkEtcdCluster, validateEtcd } from '../../src/lab/validate-etcd.ts';
import { checkPatroniCluster, validatePatroni } from '../../src/lab/validate-patroni.ts';
import type { EtcdConfig } from '../../src/lab/etcd-schema.ts';
import type { PatroniConfig } from '../../src/lab/patroni-schema.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const LAB_DIR = join(REPO_ROOT, 'content/lab');

export interface EtcdMember {
  readonly name: string;
  readonly clientUrl: string;
  readonly configFile: string;
  readonly dataDir: string;
}

export interface DbNode {
  readonly name: string;
  /** Patroni REST API base URL, e.g. http://127.0.0.21:8008 */
  readonly apiUrl: string;
  readonly pgHost: string;
  readonly pgPort: number;
  readonly configFile: string;
  readonly dataDir: string;
}

export interface LabLayout {
  readonly stateDir: string;
  readonly logDir: string;
  readonly etcd: readonly EtcdMember[];
  readonly nodes: readonly DbNode[];
  readonly haproxyConfig: string;
  readonly writeAddress: { host: string; port: number };
  readonly readAddress: { host: string; port: number };
  /** HAProxy's stats page; the harness reads which servers are UP from it. */
  readonly statsAddress: { host: string; port: number };
  /** Names of the write and read proxies in haproxy.cfg. */
  readonly writeProxy: string;
  readonly readProxy: string;
  readonly namespace: string;
  readonly scope: string;
  readonly superuser: { username: string; password: string };
  readonly timing: { ttl: number; loop_wait: number; retry_timeout: number };
}

/** The newest PostgreSQL installed the Debian way (/usr/lib/postgresql/N/bin). */
export function findPostgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin/pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (!newest)
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: run scripts/cluster/install-deps.sh',
    );
  return join(root, newest, 'bin');
}

function userIds(user: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${user}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined)
    throw new Error(`user ${user} does not exist: install PostgreSQL first (scripts/cluster/install-deps.sh)`);
  return { uid: Number(uid), gid: Number(gid) };
}

function splitHostPort(value: string): { host: string; port: number } {
  const at = value.lastIndexOf(':');
  return { host: value.slice(0, at), port: Number(value.slice(at + 1)) };
}

function fail(problems: readonly Problem[]): never {
  throw new Error(`the sample files have problems:\n${formatProblems(problems)}`);
}

/**
 * Validates the samples and writes the runnable copies into `stateDir`
 * (which must be empty or missing). Returns where everything is.
 */
export function prepareLab(stateDir: string): LabLayout {
  const binDir = findPostgresBinDir();
  const configDir = join(stateDir, 'config');
  const logDir = join(stateDir, 'logs');
  mkdirSync(configDir, { recursive: true });
  mkdirSync(logDir, { recursive: true });
  // mkdtemp creates 0700 directories; the postgres user must traverse this one.
  chmodSync(stateDir, 0o755);
  const paths = { stateDir, binDir };
  const read = (file: string) => readFileSync(join(LAB_DIR, file), 'utf8');

  const etcdConfigs: { file: string; config: EtcdConfig }[] = [];
  const etcd: EtcdMember[] = [];
  for (const file of LAB_ETCD_FILES) {
    const { config, problems } = validateEtcd(file, read(file));
    if (!config) fail(problems);
    etcdConfigs.push({ file, config });
    const copy = relocateSample('etcd', file, read(file), paths);
    const configFile = join(configDir, file.replace('/', '-'));
    writeFileSync(configFile, copy);
    const relocated = validateEtcd(file, copy).config ?? fail([]);
    etcd.push({
      name: config.name,
      clientUrl: config['advertise-client-urls'].split(',')[0] ?? '',
      configFile,
      dataDir: relocated['data-dir'],
    });
  }
  const etcdCluster = checkEtcdCluster(etcdConfigs);
  if (etcdCluster.length > 0) fail(etcdCluster);

  const postgres = userIds('postgres');
  const patroniConfigs: { file: string; config: PatroniConfig }[] = [];
  const nodes: DbNode[] = [];
  for (const file of LAB_PATRONI_FILES) {
    const { config, problems } = validatePatroni(file, read(file));
    if (!config) fail(problems);
    patroniConfigs.push({ file, config });
    const copy = relocateSample('patroni', file, read(file), paths);
    const configFile = join(configDir, file.replace('/', '-'));
    writeFileSync(configFile, copy);
    const relocated = validatePatroni(file, copy).config ?? fail([]);
    // Patroni creates data_dir itself; its parent (also the socket
    // directory) must exist and belong to postgres.
    const nodeDir = dirname(relocated.postgresql.data_dir);
    mkdirSync(nodeDir, { recursive: true });
    chownSync(nodeDir, postgres.uid, postgres.gid);
    const pg = splitHostPort(config.postgresql.connect_address);
    nodes.push({
      name: config.name,
      apiUrl: `http://${config.restapi.connect_address}`,
      pgHost: pg.host,
      pgPort: pg.port,
      configFile,
      dataDir: relocated.postgresql.data_dir,
    });
  }
  const patroniCluster = checkPatroniCluster(patroniConfigs);
  if (patroniCluster.length > 0) fail(patroniCluster);

  const haproxyText = read(LAB_HAPROXY_FILE);
  const routing = checkHaproxyRouting(LAB_HAPROXY_FILE, haproxyText);
  if (routing.length > 0) fail(routing);
  // HAProxy's file has no machine-specific keys: it runs unchanged.
  const haproxyConfig = join(LAB_DIR, LAB_HAPROXY_FILE);
  const proxies = parseHaproxyCfg(haproxyText).filter((s) => s.kind === 'listen');
  const writeProxy = proxies.find((p) => ['/primary', '/leader'].includes(healthCheckPath(p) ?? ''));
  const readProxy = proxies.find((p) => healthCheckPath(p) === '/replica');
  const statsProxy = proxies.find((p) => p.directives.some((d) => d.keyword === 'stats' && d.args[0] === 'enable'));
  if (!writeProxy || !readProxy || !statsProxy)
    throw new Error(`${LAB_HAPROXY_FILE} needs a write proxy, a read proxy and a stats page`);

  const first = patroniConfigs[0]?.config ?? fail([]);
  return {
    stateDir,
    logDir,
    etcd,
    nodes,
    haproxyConfig,
    writeAddress: splitHostPort(bindAddress(writeProxy) ?? ''),
    readAddress: splitHostPort(bindAddress(readProxy) ?? ''),
    statsAddress: splitHostPort(bindAddress(statsProxy) ?? ''),
    writeProxy: writeProxy.name,
    readProxy: readProxy.name,
    namespace: first.namespace ?? '/service/',
    scope: first.scope,
    superuser: first.postgresql.authentication.superuser,
    timing: {
      ttl: first.bootstrap.dcs.ttl,
      loop_wait: first.bootstrap.dcs.loop_wait,
      retry_timeout: first.bootstrap.dcs.retry_timeout,
    },
  };
}
