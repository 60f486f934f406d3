/**
 * `npm run test:cluster` runs this first: the lab's files through every check the build runs, with
 * HAProxy's own `haproxy -c` required (the cluster needs HAProxy installed anyway), and a proof that
 * the check can fail: a copy of haproxy.cfg with `option httpchk` misspelt `optoin httpchk` must be
 * refused, naming its lines. Patroni's own `patroni --validate-config` runs later in the cluster
 * test (it needs etcd up); etcd has no offline validator, so its files get our checks only.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haproxyCheck } from '../src/lab/haproxy-check.ts';
import { labBuildProblems } from '../src/lab/lab-check.ts';
import { LAB_HAPROXY_FILE } from '../src/lab/lab-files.ts';

const LAB_DIR = join(process.cwd(), 'content/lab');
const read = (file: string) => readFileSync(join(LAB_DIR, file), 'utf8');
const failures: string[] = [];

if (!haproxyCheck(join(LAB_DIR, LAB_HAPROXY_FILE), `content/lab/${LAB_HAPROXY_FILE}`).available) {
  failures.push('haproxy is not installed: run scripts/cluster/install-deps.sh (as root) first.');
}
failures.push(...labBuildProblems(read, LAB_DIR));

const folder = mkdtempSync(join(tmpdir(), 'cde-lab-check-'));
try {
  const original = read(LAB_HAPROXY_FILE);
  const misspelt = original.replace(/^(\s+)option httpchk$/gm, '$1optoin httpchk');
  const lines = original.split('\n').flatMap((line, index) => (/^\s+option httpchk$/.test(line) ? [index + 1] : []));
  const copy = join(folder, 'haproxy.cfg');
  writeFileSync(copy, misspelt);
  const expected = lines.map(
    (line) =>
      `content/lab/${LAB_HAPROXY_FILE}:${line}: unknown keyword 'optoin' in 'listen' section; did you mean 'option' ` +
      'maybe ? (haproxy -c). Fix: correct that line (https://docs.haproxy.org/2.6/configuration.html).',
  );
  const found = haproxyCheck(copy, `content/lab/${LAB_HAPROXY_FILE}`).problems;
  if (lines.length === 0 || JSON.stringify(found) !== JSON.stringify(expected)) {
    failures.push(
      `haproxy -c did not refuse a misspelt keyword as expected.\nExpected:\n${expected.join('\n')}\nFound:\n${found.join('\n')}`,
    );
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log("The lab's files pass every check, haproxy -c included; haproxy -c refuses a misspelt keyword.");
