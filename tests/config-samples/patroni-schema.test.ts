import { describe, expect, it } from 'vitest';
import { findFlattenedKeys } from '../../src/lab/one-line-config.ts';
import { validatePatroni } from '../../src/lab/validate-patroni.ts';
import { fixture } from './read-fixture.ts';

function messages(name: string): string[] {
  return validatePatroni(name, fixture(`patroni/${name}`)).problems.map((p) => p.message);
}

const ETCD_V2 =
  'etcd: the "etcd" section makes Patroni use etcd\'s v2 API, which etcd 3.4 turns off by default and etcd 3.6 removed, so Patroni cannot reach the store. Fix: rename the section to "etcd3" (same keys, such as hosts).';

describe('the Patroni schema', () => {
  it('rejects the one-line vendor FAQ snippet: flattened YAML and the v2 etcd section', () => {
    expect(messages('vendor-faq-one-line.yml')).toEqual([
      'vendor-faq-one-line.yml: 8 keys (scope: namespace: name: restapi: listen: connect_address: etcd: hosts:) are on a single line. YAML reads line breaks and indentation as structure, so this is not the mapping the author meant: Patroni\'s YAML reader rejects it ("mapping values are not allowed here") and a lenient one nests everything under "scope". Fix: put each key on its own line and indent the nested ones (listen and connect_address under restapi, hosts under the DCS section).',
      `vendor-faq-one-line.yml: ${ETCD_V2}`,
    ]);
  });

  it('finds the flattened keys only in a one-line file', () => {
    expect(findFlattenedKeys(fixture('patroni/vendor-faq-one-line.yml'))).toHaveLength(8);
    expect(findFlattenedKeys(fixture('patroni/minimal-valid.yml'))).toBeUndefined();
    // One key on one line is an ordinary (if tiny) YAML file.
    expect(findFlattenedKeys('scope: demo\n')).toBeUndefined();
  });

  it('rejects etcd: instead of etcd3: with one message and a hint', () => {
    expect(messages('etcd-v2-section.yml')).toEqual([`etcd-v2-section.yml: ${ETCD_V2}`]);
  });

  it('catches a typo in a key and suggests the right one', () => {
    expect(messages('loop-wait-typo.yml')).toEqual([
      'loop-wait-typo.yml: bootstrap.dcs.loop_wait: Invalid input: expected number, received undefined.',
      'loop-wait-typo.yml: bootstrap.dcs.loop_wiat: unknown key (not one of "ttl", "loop_wait", "retry_timeout", "maximum_lag_on_failover", "synchronous_mode", "postgresql"). Fix: did you mean "loop_wait"?',
    ]);
  });

  it('rejects a number written as a string', () => {
    expect(messages('ttl-as-string.yml')).toEqual([
      'ttl-as-string.yml: bootstrap.dcs.ttl: Invalid input: expected number, received string.',
    ]);
  });

  it('explains an unquoted off, which YAML 1.1 reads as false', () => {
    expect(messages('watchdog-off-unquoted.yml')).toEqual([
      'watchdog-off-unquoted.yml: watchdog.mode: Invalid option: expected one of "off"|"automatic"|"required". YAML 1.1 reads an unquoted on, off, yes or no as a boolean. Fix: quote it ("off").',
    ]);
  });

  it('rejects 127.0.0.1 as a connect_address, as the validator in Patroni does', () => {
    expect(messages('connect-address-localhost.yml')).toEqual([
      "connect-address-localhost.yml: restapi.connect_address: Patroni's validator refuses 127.0.0.1, 0.0.0.0, *, ::1 and localhost in a connect_address: use an address the other nodes can reach.",
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    const { problems } = validatePatroni('broken.yml', 'scope: demo\n  name: a\nrestapi: [\n');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.rule).toBe('yaml-syntax');
    expect(problems[0]?.message).toMatch(/^broken\.yml: YAML syntax error at line \d+, column \d+: /);
  });

  it('rejects a file that is not a mapping', () => {
    expect(validatePatroni('list.yml', '- a\n- b\n').problems.map((p) => p.rule)).toEqual(['not-a-mapping']);
  });
});
