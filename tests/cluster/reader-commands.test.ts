import { describe, expect, it } from 'vitest';
import {
  curlPatroni,
  etcdctlGetFields,
  etcdctlLeaseTimeToLive,
  killCommand,
  leaderKey,
  leaseIdFromFields,
  patronictlList,
  patronictlSwitchover,
  shownPath,
} from '../../scripts/cluster/reader-commands.ts';

/** `etcdctl get /service/demo/leader -w fields`, as etcdctl 3.4.23 printed it for a key on a lease. */
const FIELDS_WITH_LEASE = `"ClusterID" : 324952591200643719
"MemberID" : 3319814642761637952
"Revision" : 2
"RaftTerm" : 2
"Key" : "/service/demo/leader"
"CreateRevision" : 2
"ModRevision" : 2
"Version" : 1
"Value" : "node1"
"Lease" : 2324035818085361413
"More" : false
"Count" : 1`;

/** The same command for a key that does not exist. */
const FIELDS_NO_KEY = `"ClusterID" : 324952591200643719
"MemberID" : 3319814642761637952
"Revision" : 2
"RaftTerm" : 2
"More" : false
"Count" : 0`;

const ENDPOINTS = ['http://127.0.0.11:2379', 'http://127.0.0.12:2379'];

describe("the reader's commands", () => {
  it("show the cluster test's temporary paths as the lab's own", () => {
    expect(shownPath('/tmp/cde-cluster-test-Ab12/config/patroni-node1.yml', '/tmp/cde-cluster-test-Ab12')).toBe(
      '/tmp/cde-lab/config/patroni-node1.yml',
    );
    expect(shownPath('/etc/patroni/patroni.yml', '/tmp/cde-cluster-test-Ab12')).toBe('/etc/patroni/patroni.yml');
    // A sibling directory that merely starts with the same name is not inside it.
    expect(shownPath('/tmp/cde-cluster-test-Ab12x/a.yml', '/tmp/cde-cluster-test-Ab12')).toBe(
      '/tmp/cde-cluster-test-Ab12x/a.yml',
    );
  });

  it('run patronictl with the real file and show it with the shown one', () => {
    const list = patronictlList('/tmp/t1/config/patroni-node1.yml', '/tmp/t1');
    expect(list.shown).toBe('patronictl -c /tmp/cde-lab/config/patroni-node1.yml list');
    expect([list.file, ...list.args]).toEqual(['patronictl', '-c', '/tmp/t1/config/patroni-node1.yml', 'list']);
    const own = patronictlList('/srv/lab/config/patroni-node1.yml', '/srv/lab', '/srv/lab');
    expect(own.shown).toBe('patronictl -c /srv/lab/config/patroni-node1.yml list');
    expect(
      patronictlSwitchover('/tmp/t1/config/patroni-node2.yml', '/tmp/t1', { leader: 'node1', candidate: 'node2' })
        .shown,
    ).toBe('patronictl -c /tmp/cde-lab/config/patroni-node2.yml switchover --leader node1 --candidate node2 --force');
  });

  it('name the leader key and its lease as etcdctl takes them', () => {
    expect(leaderKey('/service/', 'cde-lab')).toBe('/service/cde-lab/leader');
    expect(leaderKey('/service', 'cde-lab')).toBe('/service/cde-lab/leader');
    expect(etcdctlGetFields(ENDPOINTS, '/service/cde-lab/leader').shown).toBe(
      'etcdctl --endpoints=http://127.0.0.11:2379,http://127.0.0.12:2379 get /service/cde-lab/leader -w fields',
    );
    expect(etcdctlLeaseTimeToLive(ENDPOINTS, '2040a24364ea5405').args).toEqual([
      '--endpoints=http://127.0.0.11:2379,http://127.0.0.12:2379',
      'lease',
      'timetolive',
      '2040a24364ea5405',
      '--keys',
    ]);
    expect(curlPatroni('http://127.0.0.21:8008/').shown).toBe('curl -s http://127.0.0.21:8008/patroni');
    expect(killCommand([4123, 4188])).toBe('kill -KILL 4123 4188');
  });

  it('read the lease ID, printed in decimal, and give it in hexadecimal', () => {
    // By hand: 2324035818085361413 = 0x2040a24366432705, past Number's exact range (2^53).
    expect(leaseIdFromFields(FIELDS_WITH_LEASE)).toBe('2040a24366432705');
    expect(leaseIdFromFields(FIELDS_NO_KEY)).toBeNull();
    // Padded to 16 digits, as etcdctl prints it: 200588594252109575 = 0x2c8a24382645707.
    expect(leaseIdFromFields('"Lease" : 200588594252109575')).toBe('02c8a24382645707');
  });
});
