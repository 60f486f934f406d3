import { describe, expect, it } from 'vitest';
import { cutRules, everyoneBut, planNetwork } from '../../scripts/cluster/faults/lab-network.ts';
import type { LabLayout } from '../../scripts/cluster/lab-layout.ts';

/** The parts of the lab's layout the plan reads, with the lab files' addresses. */
function layout(overrides: Partial<LabLayout> = {}): LabLayout {
  const etcd = [1, 2, 3].map((i) => ({
    name: `etcd${i}`,
    clientUrl: `http://127.0.0.1${i}:2379`,
    configFile: '',
    dataDir: '',
  }));
  const nodes = [1, 2, 3].map((i) => ({
    name: `node${i}`,
    apiUrl: `http://127.0.0.2${i}:8008`,
    pgHost: `127.0.0.2${i}`,
    pgPort: 5432,
    configFile: '',
    dataDir: '',
  }));
  const client = { host: '127.0.0.30', port: 5000 };
  return {
    etcd,
    nodes,
    writeAddress: client,
    readAddress: { ...client, port: 5001 },
    statsAddress: { ...client, port: 7000 },
    ...overrides,
  } as LabLayout;
}

describe('planNetwork', () => {
  it('gives each etcd member, each node and the client its own namespace and address', () => {
    const plan = planNetwork(layout(), 'cde-f42');
    expect(plan.hub).toBe('cde-f42-hub');
    expect(plan.hosts.map((h) => `${h.name} ${h.address} ${h.netns}`)).toEqual([
      'etcd1 127.0.0.11 cde-f42-etcd1',
      'etcd2 127.0.0.12 cde-f42-etcd2',
      'etcd3 127.0.0.13 cde-f42-etcd3',
      'node1 127.0.0.21 cde-f42-node1',
      'node2 127.0.0.22 cde-f42-node2',
      'node3 127.0.0.23 cde-f42-node3',
      'client 127.0.0.30 cde-f42-client',
    ]);
  });

  it('refuses a node whose REST API and PostgreSQL are on different addresses', () => {
    const base = layout();
    const nodes = base.nodes.map((n) => (n.name === 'node2' ? { ...n, apiUrl: 'http://127.0.0.99:8008' } : n));
    expect(() => planNetwork(layout({ nodes }), 'x')).toThrow(
      'node2: REST API on 127.0.0.99 but PostgreSQL on 127.0.0.22; a host has one address here',
    );
  });

  it('refuses an address off loopback', () => {
    expect(() => planNetwork(layout({ writeAddress: { host: '10.0.0.1', port: 5000 } }), 'x')).toThrow(
      'HAProxy binds 10.0.0.1 and 127.0.0.30; the client host has one address',
    );
  });
});

describe('cutRules', () => {
  const plan = planNetwork(layout(), 'cde-f42');

  it('drops packets both ways between the two sides', () => {
    expect(cutRules(plan, { from: ['node1'], to: ['etcd1', 'etcd2', 'etcd3'] })).toEqual([
      'ip saddr { 127.0.0.21 } ip daddr { 127.0.0.11, 127.0.0.12, 127.0.0.13 } drop',
      'ip saddr { 127.0.0.11, 127.0.0.12, 127.0.0.13 } ip daddr { 127.0.0.21 } drop',
    ]);
  });

  it('cuts a host off from everyone else', () => {
    expect(everyoneBut(plan, ['node1'])).toEqual(['etcd1', 'etcd2', 'etcd3', 'node2', 'node3', 'client']);
  });

  it('refuses a host on both sides', () => {
    expect(() => cutRules(plan, { from: ['node1'], to: ['node1', 'node2'] })).toThrow('node1 on both sides of a cut');
  });

  it('names the hosts there are when one is unknown', () => {
    expect(() => cutRules(plan, { from: ['node9'], to: ['node1'] })).toThrow(
      'no lab host named node9 (hosts: etcd1, etcd2, etcd3, node1, node2, node3, client)',
    );
  });
});
