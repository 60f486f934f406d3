import { describe, expect, it } from 'vitest';
import { LAB_ETCD_FILES, LAB_PATRONI_FILES } from '../../src/lab/lab-files.ts';
import { changedKeys, MACHINE_PATH_KEYS, relocateSample } from '../../src/lab/machine-paths.ts';
import { parseYaml } from '../../src/lab/parse-yaml.ts';
import { validatePatroni } from '../../src/lab/validate-patroni.ts';
import { labSample } from './read-fixture.ts';

const paths = { stateDir: '/tmp/cde-lab', binDir: '/usr/lib/postgresql/17/bin' };
const allowed = (kind: keyof typeof MACHINE_PATH_KEYS) => MACHINE_PATH_KEYS[kind].map((k) => k.join('.'));

describe('relocating the samples for the harness', () => {
  it.each(LAB_PATRONI_FILES)('changes only the machine-path keys of %s', (file) => {
    const original = labSample(file);
    const copy = relocateSample('patroni', file, original, paths);
    const changed = changedKeys(parseYaml(file, original).value, parseYaml(file, copy).value);
    expect(changed.length).toBeGreaterThan(0);
    expect(allowed('patroni')).toEqual(expect.arrayContaining(changed));
    // Comments survive, and the copy is still a valid node file.
    expect(copy).toContain('# [start:timing]');
    expect(validatePatroni(file, copy).problems).toEqual([]);
  });

  it.each(LAB_ETCD_FILES)('changes only data-dir in %s', (file) => {
    const original = labSample(file);
    const copy = relocateSample('etcd', file, original, paths);
    expect(changedKeys(parseYaml(file, original).value, parseYaml(file, copy).value)).toEqual(['data-dir']);
  });

  it('keeps the part of a path below the sample prefix', () => {
    const copy = relocateSample('patroni', 'node2.yml', labSample('patroni/node2.yml'), paths);
    const value = parseYaml('node2.yml', copy).value as { postgresql: Record<string, unknown> };
    expect(value.postgresql.data_dir).toBe('/tmp/cde-lab/node2/data');
    expect(value.postgresql.bin_dir).toBe('/usr/lib/postgresql/17/bin');
  });

  it('refuses a path outside the sample prefixes instead of guessing', () => {
    const text = labSample('patroni/node1.yml').replace(
      'data_dir: /var/lib/postgresql/cde-lab/node1/data',
      'data_dir: /srv/pg',
    );
    expect(() => relocateSample('patroni', 'node1.yml', text, paths)).toThrow(
      'node1.yml: postgresql.data_dir is "/srv/pg", outside /var/lib/postgresql/cde-lab and /var/lib/etcd/cde-lab; the harness only relocates paths under those.',
    );
  });
});
