/**
 * Reads the simulator's parameters from the lab's real configuration files at build time, so the
 * simulator starts with exactly the settings the lab article shows and the cluster test boots:
 *
 * - `patroni/*.yml`: node names (`name`), timings and failover settings (`bootstrap.dcs.ttl`,
 *   `loop_wait`, `retry_timeout`, `maximum_lag_on_failover`, `synchronous_mode`) and the
 *   `tags.nofailover` / `tags.nosync` of each node;
 * - `etcd/*.yml`: member names (`name`) and `election-timeout`;
 * - `haproxy/haproxy.cfg`: the health checks of the `listen primary` section (`default-server inter
 *   fall rise`) and `timeout check`.
 *
 * Paths are relative to `content/lab/`. The files are read by the lab's one YAML reader and one
 * HAProxy reader (parse-yaml.ts, haproxy-cfg.ts), so the simulator sees what the validators and the
 * cluster harness see. Anything the files leave out takes the programs' own defaults; anything the
 * simulator cannot use fails the build with the file's name. Build-time only: the browser gets the
 * result as the component's `data-params`.
 */
import { DEFAULT_PARAMS, paramProblems, type SimNodeParams, type SimParams } from '../islands/patroni-sim/params.ts';
import { haproxyTimeMs, parseHaproxyCfg, type HaproxySection } from './haproxy-cfg.ts';
import { parseYaml } from './parse-yaml.ts';
import { formatProblems } from './problem.ts';

export interface LabParams {
  readonly params: SimParams;
  /** The files the parameters came from, relative to content/lab/; empty when none were found. */
  readonly sources: readonly string[];
}

type Yaml = Record<string, unknown>;

const isRecord = (value: unknown): value is Yaml =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readYaml(file: string, text: string): Yaml {
  const { value, problems } = parseYaml(`content/lab/${file}`, text);
  if (problems.length > 0) throw new Error(`Not valid YAML:\n${formatProblems(problems)}`);
  if (!isRecord(value)) throw new Error(`content/lab/${file}: expected a YAML mapping at the top level.`);
  return value;
}

function pick(file: string, value: unknown, key: string, type: 'number' | 'boolean' | 'string'): unknown {
  if (value === undefined) return undefined;
  if (typeof value !== type) {
    throw new Error(`content/lab/${file}: ${key} must be a ${type}, not ${JSON.stringify(value)}.`);
  }
  return value;
}

const isPrimary = (section: HaproxySection): boolean =>
  (section.kind === 'listen' || section.kind === 'backend') && section.name === 'primary';

/** The write port's health checks: `default-server` options of `listen primary`, `timeout check`. */
export function readHaproxy(file: string, text: string): SimParams['haproxy'] {
  const sections = parseHaproxyCfg(text);
  if (!sections.some(isPrimary))
    throw new Error(
      `content/lab/${file}: no "listen primary" section, so the simulator cannot tell how HAProxy checks the primary.`,
    );
  const result = { ...DEFAULT_PARAMS.haproxy };
  for (const section of sections.filter((s) => s.kind === 'defaults' || isPrimary(s))) {
    for (const { keyword, args } of section.directives) {
      if (keyword === 'timeout' && args[0] === 'check' && args[1]) result.timeoutMs = haproxyTimeMs(args[1]);
      if (keyword !== 'default-server' || !isPrimary(section)) continue;
      for (let i = 0; i < args.length - 1; i++) {
        const value = args[i + 1] ?? '';
        try {
          if (args[i] === 'inter') result.interMs = haproxyTimeMs(value);
          if (args[i] === 'fall') result.fall = Number(value);
          if (args[i] === 'rise') result.rise = Number(value);
        } catch (error) {
          throw new Error(
            `content/lab/${file}: ${args[i]} ${value}: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        }
      }
    }
  }
  return result;
}

function readNode(file: string, doc: Yaml): { node: SimNodeParams; dcs: Yaml } {
  const name = pick(file, doc['name'], 'name', 'string');
  if (typeof name !== 'string' || name === '') throw new Error(`content/lab/${file}: every Patroni file needs a name.`);
  const tags = isRecord(doc['tags']) ? doc['tags'] : {};
  const bootstrap = isRecord(doc['bootstrap']) ? doc['bootstrap'] : {};
  const dcs = isRecord(bootstrap['dcs']) ? bootstrap['dcs'] : {};
  return {
    node: {
      name,
      nofailover: pick(file, tags['nofailover'], 'tags.nofailover', 'boolean') === true,
      nosync: pick(file, tags['nosync'], 'tags.nosync', 'boolean') === true,
    },
    dcs,
  };
}

const DCS_KEYS = ['ttl', 'loop_wait', 'retry_timeout', 'maximum_lag_on_failover', 'synchronous_mode'] as const;

/**
 * The simulator's parameters from the lab's files, given as `{ 'patroni/node1.yml': text, ... }`
 * (keys may also carry a `/content/lab/` prefix, as Vite's import.meta.glob gives them).
 */
export function labParams(files: Readonly<Record<string, string>>): LabParams {
  const byPath = new Map(Object.entries(files).map(([path, text]) => [path.replace(/^.*content\/lab\//, ''), text]));
  const paths = [...byPath.keys()].sort();
  const patroni = paths.filter((p) => /^patroni\/[^/]+\.ya?ml$/.test(p));
  if (patroni.length === 0) return { params: DEFAULT_PARAMS, sources: [] };

  const nodes: SimNodeParams[] = [];
  let timing: Record<string, unknown> | undefined;
  let timingFile = '';
  for (const file of patroni) {
    const { node, dcs } = readNode(file, readYaml(file, byPath.get(file) ?? ''));
    nodes.push(node);
    const values = Object.fromEntries(DCS_KEYS.map((k) => [k, dcs[k]]));
    if (timing === undefined) {
      timing = values;
      timingFile = file;
      continue;
    }
    for (const key of DCS_KEYS) {
      if (values[key] !== timing[key]) {
        throw new Error(
          `content/lab/${file}: bootstrap.dcs.${key} is ${String(values[key])} but ${timingFile} says ${String(timing[key])}. ` +
            'The cluster keeps one value in etcd, so keep the files equal.',
        );
      }
    }
  }
  const dcs = timing ?? {};
  const number = (key: (typeof DCS_KEYS)[number]) =>
    pick(timingFile, dcs[key], `bootstrap.dcs.${key}`, 'number') as number | undefined;

  const etcdFiles = paths.filter((p) => /^etcd\/[^/]+\.ya?ml$/.test(p));
  const etcdDocs = etcdFiles.map((file) => ({ file, doc: readYaml(file, byPath.get(file) ?? '') }));
  const etcd = etcdDocs.map(({ file, doc }) => {
    const name = pick(file, doc['name'], 'name', 'string');
    if (typeof name !== 'string') throw new Error(`content/lab/${file}: every etcd member needs a name.`);
    return name;
  });
  const elections = new Set(
    etcdDocs.map(({ file, doc }) => pick(file, doc['election-timeout'], 'election-timeout', 'number') ?? 1000),
  );
  const haproxyFile = paths.find((p) => /^haproxy\/[^/]+\.cfg$/.test(p));

  const params: SimParams = {
    ttl: number('ttl') ?? DEFAULT_PARAMS.ttl,
    loop_wait: number('loop_wait') ?? DEFAULT_PARAMS.loop_wait,
    retry_timeout: number('retry_timeout') ?? DEFAULT_PARAMS.retry_timeout,
    maximum_lag_on_failover: number('maximum_lag_on_failover') ?? DEFAULT_PARAMS.maximum_lag_on_failover,
    synchronous_mode: pick(timingFile, dcs['synchronous_mode'], 'bootstrap.dcs.synchronous_mode', 'boolean') === true,
    nodes,
    etcd: etcd.length > 0 ? etcd : DEFAULT_PARAMS.etcd,
    etcdElectionMs: elections.size === 1 ? ([...elections][0] as number) : Math.max(...(elections as Set<number>)),
    haproxy: haproxyFile ? readHaproxy(haproxyFile, byPath.get(haproxyFile) ?? '') : DEFAULT_PARAMS.haproxy,
  };
  const problems = paramProblems(params);
  if (problems.length > 0) {
    throw new Error(`The lab's files (content/lab/) give settings the simulator rejects:\n- ${problems.join('\n- ')}`);
  }
  return { params, sources: [...patroni, ...etcdFiles, ...(haproxyFile ? [haproxyFile] : [])] };
}
