import { describe, expect, it } from 'vitest';
import { haproxyAlerts } from '../../src/lab/haproxy-check.ts';
import { checkLabFiles } from '../../src/lab/lab-check.ts';
import { problemLine } from '../../src/lab/problem-lines.ts';
import { fixture, labSample } from './read-fixture.ts';

/** The lab's files with one of them replaced, as the build would read them. */
function withFile(changed: string, text: string) {
  return (file: string) => (file === changed ? text : labSample(file));
}

/** The lab's problems as the build reports them: `content/lab/<file>:<line>: …`. */
function buildMessages(read: (file: string) => string): string[] {
  return checkLabFiles(read).map((problem) => problemLine(problem, read(problem.file)));
}

describe('the lab files in the build', () => {
  it('has no problem with the files the site publishes', () => {
    expect(buildMessages(labSample)).toEqual([]);
  });

  it('refuses a Patroni file whose schema rejects it ("etcd3:" → "etcd:"), naming the line and the fix', () => {
    const node1 = labSample('patroni/node1.yml');
    const line = node1.split('\n').indexOf('etcd3:') + 1;
    expect(buildMessages(withFile('patroni/node1.yml', node1.replace(/^etcd3:/m, 'etcd:')))).toEqual([
      `content/lab/patroni/node1.yml:${line}: etcd: the "etcd" section makes Patroni use etcd's v2 API, which etcd ` +
        '3.4 turns off by default and etcd 3.6 removed, so Patroni cannot reach the store. Fix: rename the section ' +
        'to "etcd3" (same keys, such as hosts).',
    ]);
  });

  it('refuses an etcd file with a misspelt key, naming its line and the key it probably meant', () => {
    const etcd2 = labSample('etcd/etcd2.yml');
    const line = etcd2.split('\n').findIndex((text) => text.startsWith('data-dir:')) + 1;
    const messages = buildMessages(withFile('etcd/etcd2.yml', etcd2.replace(/^data-dir:/m, 'data-dri:')));
    const misspelt = messages.find((message) => message.includes('data-dri'));
    expect(misspelt).toMatch(
      new RegExp(
        `^content/lab/etcd/etcd2\\.yml:${line}: data-dri: unknown key \\(not one of .*\\)\\. Fix: did you mean "data-dir"\\?$`,
      ),
    );
  });

  it('names the line of a YAML syntax error', () => {
    const broken = `${labSample('etcd/etcd1.yml')}\nname: [unclosed\n`;
    const messages = buildMessages(withFile('etcd/etcd1.yml', broken));
    expect(messages[0]).toMatch(/^content\/lab\/etcd\/etcd1\.yml:(\d+): YAML syntax error at line \1, column \d+: /);
  });
});

describe("HAProxy's own check (haproxy -c)", () => {
  // The real output of HAProxy 2.6.12 for the lab's file with "option httpchk" misspelt "optoin httpchk".
  const output = fixture('haproxy/haproxy-2.6-c-misspelt-keyword.txt');

  it('turns each alert into the file as authors know it, the line, and the fix', () => {
    expect(haproxyAlerts(output, '/tmp/cde-lab-check/haproxy.cfg', 'content/lab/haproxy/haproxy.cfg')).toEqual([
      "content/lab/haproxy/haproxy.cfg:30: unknown keyword 'optoin' in 'listen' section; did you mean 'option' maybe ? " +
        '(haproxy -c). Fix: correct that line (https://docs.haproxy.org/2.6/configuration.html).',
      "content/lab/haproxy/haproxy.cfg:51: unknown keyword 'optoin' in 'listen' section; did you mean 'option' maybe ? " +
        '(haproxy -c). Fix: correct that line (https://docs.haproxy.org/2.6/configuration.html).',
    ]);
  });

  it('keeps an alert without a place in HAProxy words', () => {
    const unplaced =
      "[ALERT]    (1) : config : Proxy 'primary': no server available.\n[ALERT]    (1) : config : Fatal errors found in configuration.";
    expect(haproxyAlerts(unplaced, '/x/haproxy.cfg', 'content/lab/haproxy/haproxy.cfg')).toEqual([
      "content/lab/haproxy/haproxy.cfg: Proxy 'primary': no server available. (haproxy -c). Fix: see https://docs.haproxy.org/2.6/configuration.html.",
    ]);
  });
});
