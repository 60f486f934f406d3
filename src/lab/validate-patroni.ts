import { checkOneLine, mentionsKey } from './one-line-config.ts';
import { parseYaml } from './parse-yaml.ts';
import { patroniSchema, type PatroniConfig } from './patroni-schema.ts';
import { problem, type Problem } from './problem.ts';
import { schemaProblems } from './schema-problems.ts';
import { checkPatroniTiming } from './timing-rules.ts';

export interface PatroniValidation {
  /** The parsed configuration when the file has no problems. */
  readonly config: PatroniConfig | undefined;
  readonly problems: readonly Problem[];
}

const ETCD_V2_TEXT =
  'the "etcd" section makes Patroni use etcd\'s v2 API, which etcd 3.4 turns off by default and etcd 3.6 removed, so Patroni cannot reach the store. Fix: rename the section to "etcd3" (same keys, such as hosts).';

function etcdV2Problem(file: string): Problem {
  return problem(file, 'etcd', 'etcd-v2-api', ETCD_V2_TEXT);
}

/** Validates one Patroni node file: YAML, then the schema, then the timing rules. */
export function validatePatroni(file: string, text: string): PatroniValidation {
  const oneLine = checkOneLine(file, text);
  if (oneLine.length > 0) {
    // YAML's own errors would only repeat the one-line problem seven times.
    return { config: undefined, problems: [...oneLine, ...(mentionsKey(text, 'etcd') ? [etcdV2Problem(file)] : [])] };
  }
  const parsed = parseYaml(file, text);
  if (parsed.problems.length > 0) return { config: undefined, problems: parsed.problems };
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      config: undefined,
      problems: [
        problem(
          file,
          '(file)',
          'not-a-mapping',
          'the file is not a YAML mapping of keys to values. Fix: start with "scope: ..." at the left margin, one key per line.',
        ),
      ],
    };
  }
  const hasEtcdV2 = 'etcd' in value;
  const result = patroniSchema.safeParse(value);
  const problems: Problem[] = [];
  if (!result.success) {
    const found = schemaProblems(file, patroniSchema, result.error, value, (key, path) =>
      key === 'etcd' && path === '' ? ETCD_V2_TEXT : undefined,
    );
    for (const p of found) {
      if (p.key === 'etcd' && p.rule === 'unknown-key') problems.push(etcdV2Problem(file));
      // With "etcd" present, the missing "etcd3" is the same mistake; say it once.
      else if (!(hasEtcdV2 && p.key === 'etcd3')) problems.push(p);
    }
  }
  const dcs = (value as { bootstrap?: { dcs?: Record<string, unknown> } }).bootstrap?.dcs;
  // Non-integers are already reported by the schema; the rules need whole numbers.
  if (dcs && ['ttl', 'loop_wait', 'retry_timeout'].every((k) => dcs[k] === undefined || Number.isInteger(dcs[k]))) {
    problems.push(...checkPatroniTiming(file, dcs));
  }
  return { config: problems.length === 0 && result.success ? result.data : undefined, problems };
}

/**
 * Checks that the node files describe one cluster: same scope, namespace,
 * etcd hosts and bootstrap section, but unique names and addresses.
 */
export function checkPatroniCluster(nodes: readonly { file: string; config: PatroniConfig }[]): Problem[] {
  const problems: Problem[] = [];
  const [first, ...rest] = nodes;
  if (!first) return problems;
  const same = (pick: (c: PatroniConfig) => unknown) => JSON.stringify(pick(first.config));
  const shared: [string, (c: PatroniConfig) => unknown][] = [
    ['scope', (c) => c.scope],
    ['namespace', (c) => c.namespace],
    ['etcd3.hosts', (c) => c.etcd3.hosts],
    ['bootstrap', (c) => c.bootstrap],
  ];
  for (const node of rest) {
    for (const [key, pick] of shared) {
      if (JSON.stringify(pick(node.config)) !== same(pick)) {
        problems.push(
          problem(
            node.file,
            key,
            'same-on-every-node',
            `differs from ${first.file}; every node of one cluster needs the same value. Fix: copy it from ${first.file}.`,
          ),
        );
      }
    }
  }
  const unique: [string, (c: PatroniConfig) => string][] = [
    ['name', (c) => c.name],
    ['restapi.connect_address', (c) => c.restapi.connect_address],
    ['postgresql.connect_address', (c) => c.postgresql.connect_address],
    ['postgresql.data_dir', (c) => c.postgresql.data_dir],
  ];
  for (const [key, pick] of unique) {
    const seen = new Map<string, string>();
    for (const node of nodes) {
      const value = pick(node.config);
      const other = seen.get(value);
      if (other)
        problems.push(
          problem(
            node.file,
            key,
            'unique-per-node',
            `"${value}" is also used by ${other}. Fix: give each node its own value.`,
          ),
        );
      seen.set(value, node.file);
    }
  }
  return problems;
}
