import { parseDocument } from 'yaml';
import { YAML_OPTIONS } from './parse-yaml.ts';

/**
 * The ONLY keys the lab harness may change when it boots the sample files.
 * Everything else (addresses, ports, timing, users, pg_hba) runs exactly as the
 * site shows it. These keys name places on the local disk, which differ from
 * machine to machine: where the data lives, and which PostgreSQL major
 * version is installed. The lab article lists the same keys; a unit test
 * proves the harness's copies differ from the originals in these keys only.
 */
export const MACHINE_PATH_KEYS = {
  etcd: [['data-dir']],
  patroni: [
    ['postgresql', 'data_dir'],
    ['postgresql', 'pgpass'],
    ['postgresql', 'parameters', 'unix_socket_directories'],
    ['postgresql', 'bin_dir'],
  ],
} as const satisfies Record<string, readonly (readonly string[])[]>;

export type SampleKind = keyof typeof MACHINE_PATH_KEYS;

/**
 * The directories the sample files use for data. The harness replaces this
 * prefix with its own state directory (for example /tmp/cde-lab), keeping the
 * rest of the path: /var/lib/postgresql/cde-lab/node1/data becomes
 * /tmp/cde-lab/node1/data.
 */
export const SAMPLE_STATE_PREFIXES = ['/var/lib/postgresql/cde-lab', '/var/lib/etcd/cde-lab'] as const;

export interface MachinePaths {
  /** Replaces the sample's state prefix in data paths. */
  readonly stateDir: string;
  /** PostgreSQL's binaries on this machine, e.g. /usr/lib/postgresql/15/bin. */
  readonly binDir: string;
}

/**
 * Returns a copy of a sample file with the machine-specific keys pointed at
 * this machine. Comments, order and every other key are kept as they are.
 */
export function relocateSample(kind: SampleKind, file: string, text: string, paths: MachinePaths): string {
  const document = parseDocument(text, YAML_OPTIONS);
  if (document.errors.length > 0) throw new Error(`${file}: not valid YAML: ${document.errors[0]?.message ?? ''}`);
  for (const path of MACHINE_PATH_KEYS[kind]) {
    const current = document.getIn(path);
    if (current === undefined) continue;
    if (path.at(-1) === 'bin_dir') {
      document.setIn(path, paths.binDir);
      continue;
    }
    const value = String(current);
    const prefix = SAMPLE_STATE_PREFIXES.find((p) => value === p || value.startsWith(`${p}/`));
    if (!prefix) {
      throw new Error(
        `${file}: ${path.join('.')} is "${value}", outside ${SAMPLE_STATE_PREFIXES.join(' and ')}; the harness only relocates paths under those.`,
      );
    }
    document.setIn(path, paths.stateDir + value.slice(prefix.length));
  }
  return document.toString({ lineWidth: 0 });
}

/** Dotted paths whose values differ between two parsed documents (for tests). */
export function changedKeys(a: unknown, b: unknown, prefix: readonly string[] = []): string[] {
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isMap(a) && isMap(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => changedKeys(a[k], b[k], [...prefix, k]));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix.join('.')];
}
