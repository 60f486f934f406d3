/**
 * Every check of the lab's files that needs no running program, as the build runs it: each file
 * against its schema and rules, the files together (one etcd cluster, one Patroni cluster, HAProxy's
 * routing), and HAProxy's own `haproxy -c` where HAProxy is installed. The build publishes these
 * files for download (src/pages/lab/[...file].ts), so a file they reject fails the build, named with
 * its line, instead of shipping broken. (etcd has no offline validator: its checks are ours.)
 */
import { checkHaproxyRouting } from './haproxy-cfg.ts';
import { haproxyCheck } from './haproxy-check.ts';
import { LAB_ETCD_FILES, LAB_HAPROXY_FILE, LAB_PATRONI_FILES } from './lab-files.ts';
import type { Problem } from './problem.ts';
import { problemLine } from './problem-lines.ts';
import { checkEtcdCluster, validateEtcd } from './validate-etcd.ts';
import { checkPatroniCluster, validatePatroni } from './validate-patroni.ts';
import { readRedisLab } from './redis/read-lab.ts';
import type { EtcdConfig } from './etcd-schema.ts';
import type { PatroniConfig } from './patroni-schema.ts';

/** The problems of the lab's files, read with `read` (a path relative to content/lab/). */
export function checkLabFiles(read: (file: string) => string): Problem[] {
  const problems: Problem[] = [];
  const etcd: { file: string; config: EtcdConfig }[] = [];
  for (const file of LAB_ETCD_FILES) {
    const result = validateEtcd(file, read(file));
    problems.push(...result.problems);
    if (result.config) etcd.push({ file, config: result.config });
  }
  if (etcd.length === LAB_ETCD_FILES.length) problems.push(...checkEtcdCluster(etcd));
  const patroni: { file: string; config: PatroniConfig }[] = [];
  for (const file of LAB_PATRONI_FILES) {
    const result = validatePatroni(file, read(file));
    problems.push(...result.problems);
    if (result.config) patroni.push({ file, config: result.config });
  }
  if (patroni.length === LAB_PATRONI_FILES.length) problems.push(...checkPatroniCluster(patroni));
  problems.push(...checkHaproxyRouting(LAB_HAPROXY_FILE, read(LAB_HAPROXY_FILE)));
  return problems;
}

/**
 * The lab's problems (the PostgreSQL lab's and the Redis lab's) as `content/lab/<file>:<line>: …`
 * sentences, HAProxy's own verdict included when `haproxy` is installed. `labDir` is the absolute
 * path of content/lab.
 */
export function labBuildProblems(read: (file: string) => string, labDir: string): string[] {
  const found = [...checkLabFiles(read), ...readRedisLab(read).problems];
  const ours = found.map((problem) => problemLine(problem, read(problem.file)));
  const haproxy = haproxyCheck(`${labDir}/${LAB_HAPROXY_FILE}`, `content/lab/${LAB_HAPROXY_FILE}`);
  return [...ours, ...haproxy.problems];
}
