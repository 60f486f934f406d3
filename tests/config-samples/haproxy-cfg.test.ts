import { describe, expect, it } from 'vitest';
import { checkHaproxyRouting, healthCheckPath, parseHaproxyCfg, servers } from '../../src/lab/haproxy-cfg.ts';
import { fixture } from './read-fixture.ts';

describe('the haproxy.cfg reader', () => {
  it('splits sections and directives, ignoring comments', () => {
    const sections = parseHaproxyCfg(fixture('haproxy/no-replica-route.cfg'));
    expect(sections.map((s) => `${s.kind} ${s.name}`.trim())).toEqual(['defaults', 'listen primary']);
    const primary = sections[1];
    expect(primary && healthCheckPath(primary)).toBe('/primary');
    expect(primary && servers(primary)).toEqual([
      { name: 'a', address: '10.0.0.1:5432', checked: true, checkPort: 8008, line: 8 },
    ]);
  });

  it('reads the older "option httpchk METHOD PATH" form too', () => {
    const [, primary] = parseHaproxyCfg(fixture('haproxy/legacy-httpchk-unchecked-server.cfg'));
    expect(primary && healthCheckPath(primary)).toBe('/leader');
  });

  it('requires a read route by /replica', () => {
    expect(
      checkHaproxyRouting('no-replica-route.cfg', fixture('haproxy/no-replica-route.cfg')).map((p) => p.message),
    ).toEqual([
      'no-replica-route.cfg: no listen or backend section checks Patroni\'s /replica endpoint, so reads cannot be routed to replicas (https://patroni.readthedocs.io/en/latest/rest_api.html). Fix: add a proxy with "http-check send meth GET uri /replica".',
    ]);
  });

  it('requires every server to be health-checked on the REST API port', () => {
    const name = 'legacy-httpchk-unchecked-server.cfg';
    expect(checkHaproxyRouting(name, fixture(`haproxy/${name}`)).map((p) => p.message)).toEqual([
      `${name}: listen primary (line 8): server b is not health-checked on Patroni's REST API port. Fix: end the line with "check port 8008".`,
    ]);
  });

  it('requires a write route by /primary or /leader', () => {
    expect(checkHaproxyRouting('empty.cfg', 'defaults\n    mode tcp\n').map((p) => p.rule)).toEqual([
      'haproxy-write-route',
      'haproxy-read-route',
    ]);
  });
});
