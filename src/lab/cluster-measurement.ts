/**
 * One number from the cluster test's results file (bench-results/cluster.json, written by
 * `npm run test:cluster`), for articles that quote the latest measured run: measured numbers on a
 * page come from the file, never typed by hand. Pure: the component (ClusterMeasurement.astro)
 * reads the file.
 */

export const CLUSTER_RESULTS_FILE = 'bench-results/cluster.json';

/** The measurements an article may quote, as paths into the results file. */
export const MEASUREMENTS = [
  'failover.leaderLockSeconds',
  'failover.haproxyRoutesSeconds',
  'failover.firstWriteSeconds',
  'switchover.haproxyRoutesSeconds',
] as const;

export type Measurement = (typeof MEASUREMENTS)[number];

const HINT = `run \`npm run test:cluster\` (Linux, root; it writes ${CLUSTER_RESULTS_FILE}) and commit the file`;

/** The measurement in seconds, to a tenth ("28.0"); fails loudly on a missing file, field or failed run. */
export function clusterMeasurement(raw: unknown, field: string, where: string): string {
  if (!(MEASUREMENTS as readonly string[]).includes(field)) {
    throw new Error(
      `${where}: <ClusterMeasurement field="${field}">: unknown field. Use one of: ${MEASUREMENTS.join(', ')}.`,
    );
  }
  if (raw === undefined) throw new Error(`${CLUSTER_RESULTS_FILE} is missing: ${HINT}.`);
  const record = raw as { passed?: unknown } & Record<string, unknown>;
  if (record.passed !== true)
    throw new Error(`${CLUSTER_RESULTS_FILE}: the run did not pass, so its numbers cannot be quoted: ${HINT}.`);
  const [group = '', key = ''] = field.split('.');
  const value = (record[group] as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(
      `${CLUSTER_RESULTS_FILE}: ${field} must be a number of seconds, not ${JSON.stringify(value)}: ${HINT}.`,
    );
  }
  return value.toFixed(1);
}

/**
 * The versions the cluster test ran, as pages name them (frontmatter `checkedWith`, basis `measured`):
 * Patroni and etcd exactly, PostgreSQL by its major version ("15.18 (Debian …)" is "15"), HAProxy by
 * its branch ("2.6.12-1+deb12u4" is "2.6"). Fails loudly when the file or a version is missing.
 */
export function measuredVersions(raw: unknown): { system: string; versions: string }[] {
  if (raw === undefined) throw new Error(`${CLUSTER_RESULTS_FILE} is missing: ${HINT}.`);
  const versions = (raw as { versions?: Record<string, unknown> }).versions ?? {};
  const read = (key: string, pattern: RegExp): string => {
    const value = versions[key];
    const match = typeof value === 'string' ? pattern.exec(value) : null;
    if (!match?.[1]) {
      throw new Error(`${CLUSTER_RESULTS_FILE}: versions.${key} is ${JSON.stringify(value)}, not a version: ${HINT}.`);
    }
    return match[1];
  };
  return [
    { system: 'Patroni', versions: read('patroni', /^(\d+\.\d+\.\d+)$/) },
    { system: 'etcd', versions: read('etcd', /^(\d+\.\d+\.\d+)$/) },
    { system: 'PostgreSQL', versions: read('postgresql', /^(\d+)\.\d+/) },
    { system: 'HAProxy', versions: read('haproxy', /^(\d+\.\d+)\.\d+/) },
  ];
}
