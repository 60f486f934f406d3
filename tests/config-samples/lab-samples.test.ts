import { describe, expect, it } from 'vitest';
import { healthCheckPath, parseHaproxyCfg, checkHaproxyRouting } from '../../src/lab/haproxy-cfg.ts';
import { LAB_ETCD_FILES, LAB_HAPROXY_FILE, LAB_PATRONI_FILES } from '../../src/lab/lab-files.ts';
import { parseYaml } from '../../src/lab/parse-yaml.ts';
import { checkEtcdCluster, validateEtcd } from '../../src/lab/validate-etcd.ts';
import { checkPatroniCluster, validatePatroni } from '../../src/lab/validate-patroni.ts';
import type { EtcdConfig } from '../../src/lab/etcd-schema.ts';
import type { PatroniConfig } from '../../src/lab/patroni-schema.ts';
import { labSample } from './read-fixture.ts';

/** The files the site shows and the harness boots: they must pass every check. */
describe('the lab sample files', () => {
  const etcd = LAB_ETCD_FILES.map((file) => ({ file, ...validateEtcd(file, labSample(file)) }));
  const patroni = LAB_PATRONI_FILES.map((file) => ({ file, ...validatePatroni(file, labSample(file)) }));

  it.each(LAB_ETCD_FILES)('%s parses and passes the etcd schema', (file) => {
    expect(validateEtcd(file, labSample(file)).problems).toEqual([]);
  });

  it.each(LAB_PATRONI_FILES)('%s parses and passes the Patroni schema and timing rules', (file) => {
    expect(validatePatroni(file, labSample(file)).problems).toEqual([]);
  });

  it('form one etcd cluster of three members on 127.0.0.11-13', () => {
    const configs = etcd.map(({ file, config }) => ({ file, config: config as EtcdConfig }));
    expect(checkEtcdCluster(configs)).toEqual([]);
    expect(configs.map((c) => c.config['advertise-client-urls'])).toEqual([
      'http://127.0.0.11:2379',
      'http://127.0.0.12:2379',
      'http://127.0.0.13:2379',
    ]);
    expect(configs.every((c) => c.config['enable-grpc-gateway'])).toBe(true);
  });

  it('form one Patroni cluster of three nodes on 127.0.0.21-23, using etcd3', () => {
    const configs = patroni.map(({ file, config }) => ({ file, config: config as PatroniConfig }));
    expect(checkPatroniCluster(configs)).toEqual([]);
    expect(configs.map((c) => c.config.postgresql.connect_address)).toEqual([
      '127.0.0.21:5432',
      '127.0.0.22:5432',
      '127.0.0.23:5432',
    ]);
    for (const file of LAB_PATRONI_FILES) expect(parseYaml(file, labSample(file)).value).not.toHaveProperty('etcd');
  });

  it('use timing values that satisfy loop_wait + 2 * retry_timeout <= ttl', () => {
    const dcs = (patroni[0]?.config as PatroniConfig).bootstrap.dcs;
    expect(dcs.loop_wait + 2 * dcs.retry_timeout).toBeLessThanOrEqual(dcs.ttl);
  });

  it('node files differ only in the per-node keys', () => {
    const [first, ...rest] = LAB_PATRONI_FILES.map((file) => labSample(file));
    for (const text of rest) {
      const differing = (first ?? '').split('\n').filter((line, i) => line !== text.split('\n')[i]);
      for (const line of differing) {
        expect(line).toMatch(/node1|node 1 of 3|127\.0\.0\.21/);
      }
    }
  });

  it('haproxy.cfg routes writes by /primary and reads by /replica', () => {
    const text = labSample(LAB_HAPROXY_FILE);
    expect(checkHaproxyRouting(LAB_HAPROXY_FILE, text)).toEqual([]);
    const paths = parseHaproxyCfg(text)
      .filter((s) => s.kind === 'listen')
      .map((s) => healthCheckPath(s));
    expect(paths).toEqual(['/primary', '/replica', undefined]);
  });
});
