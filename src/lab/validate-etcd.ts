import { etcdSchema, type EtcdConfig } from './etcd-schema.ts';
import { parseYaml } from './parse-yaml.ts';
import { problem, type Problem } from './problem.ts';
import { schemaProblems } from './schema-problems.ts';

export interface EtcdValidation {
  readonly config: EtcdConfig | undefined;
  readonly problems: readonly Problem[];
}

/** Validates one etcd member file against the schema. */
export function validateEtcd(file: string, text: string): EtcdValidation {
  const parsed = parseYaml(file, text);
  if (parsed.problems.length > 0) return { config: undefined, problems: parsed.problems };
  const result = etcdSchema.safeParse(parsed.value);
  if (result.success) return { config: result.data, problems: [] };
  return { config: undefined, problems: schemaProblems(file, etcdSchema, result.error, parsed.value) };
}

/** `a=u1,b=u2` → Map { a → u1, b → u2 } */
function members(initialCluster: string): Map<string, string> {
  return new Map(initialCluster.split(',').map((pair) => pair.split('=') as [string, string]));
}

/**
 * Checks that the member files describe one etcd cluster: the same
 * initial-cluster and token everywhere, and each member listed under its own
 * name with its own peer URL. etcd refuses to bootstrap otherwise.
 */
export function checkEtcdCluster(files: readonly { file: string; config: EtcdConfig }[]): Problem[] {
  const problems: Problem[] = [];
  const first = files[0];
  if (!first) return problems;
  for (const { file, config } of files) {
    for (const key of ['initial-cluster', 'initial-cluster-token'] as const) {
      if (config[key] !== first.config[key]) {
        problems.push(
          problem(
            file,
            key,
            'same-on-every-member',
            `differs from ${first.file}; all members must bootstrap with the same value. Fix: copy it from ${first.file}.`,
          ),
        );
      }
    }
    const peer = members(config['initial-cluster']).get(config.name);
    if (peer !== config['initial-advertise-peer-urls']) {
      problems.push(
        problem(
          file,
          'initial-cluster',
          'member-listed',
          `does not list this member as ${config.name}=${config['initial-advertise-peer-urls']}. Fix: add that pair, matching name and initial-advertise-peer-urls.`,
        ),
      );
    }
  }
  return problems;
}
