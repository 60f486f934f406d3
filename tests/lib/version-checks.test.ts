import { describe, expect, it } from 'vitest';
import { summarizeVersionChecks, versionSentence } from '../../src/articles/version-checks.ts';
import type { VersionCheck } from '../../src/schemas/version-check.ts';

const patroniLab: VersionCheck = {
  system: 'Patroni',
  versions: '3.0.2',
  basis: 'measured',
  note: "the lab's cluster test",
};
const etcdLab: VersionCheck = { system: 'etcd', versions: '3.4.23', basis: 'measured' };
const patroniDocs: VersionCheck = {
  system: 'Patroni',
  versions: '4.0 and 4.1',
  basis: 'documented',
  note: 'release notes',
};
const etcdDocs: VersionCheck = { system: 'etcd', versions: '3.5 and 3.6', basis: 'documented' };
const lab = [patroniLab, etcdLab];
const docs = [patroniDocs, etcdDocs];

describe('version checks', () => {
  it('splits what was measured from what was checked against documentation, in the order written', () => {
    expect(summarizeVersionChecks([patroniDocs, patroniLab, etcdDocs, etcdLab])).toEqual({
      measured: "Patroni 3.0.2 (the lab's cluster test), etcd 3.4.23",
      documented: 'Patroni 4.0 and 4.1 (release notes), etcd 3.5 and 3.6',
    });
  });

  it('says both in one sentence', () => {
    expect(versionSentence([...lab, ...docs])).toBe(
      "Versions: measured on Patroni 3.0.2 (the lab's cluster test), etcd 3.4.23; checked against the documentation of Patroni 4.0 and 4.1 (release notes), etcd 3.5 and 3.6.",
    );
  });

  it('says only what there is', () => {
    expect(versionSentence(docs)).toBe(
      'Versions: checked against the documentation of Patroni 4.0 and 4.1 (release notes), etcd 3.5 and 3.6.',
    );
    expect(versionSentence([])).toBeNull();
  });
});
