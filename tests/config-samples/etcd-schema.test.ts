import { describe, expect, it } from 'vitest';
import { checkEtcdCluster, validateEtcd } from '../../src/lab/validate-etcd.ts';
import { fixture } from './read-fixture.ts';

function validate(name: string) {
  return validateEtcd(name, fixture(`etcd/${name}`));
}

describe('the etcd schema', () => {
  it('accepts the minimal valid member file', () => {
    expect(validate('minimal-valid.yml').problems).toEqual([]);
  });

  it("requires enable-grpc-gateway: true, which Patroni's etcd3 client needs", () => {
    expect(validate('no-grpc-gateway.yml').problems.map((p) => p.message)).toEqual([
      'no-grpc-gateway.yml: enable-grpc-gateway: must be true: Patroni talks to etcd through the gRPC gateway.',
    ]);
  });

  it('rejects an election timeout shorter than 5 heartbeats, as etcd does', () => {
    expect(validate('election-timeout-too-short.yml').problems.map((p) => p.message)).toEqual([
      'election-timeout-too-short.yml: election-timeout: must be at least 5 times heartbeat-interval, or etcd refuses to start.',
    ]);
  });

  it('rejects an unknown key with a suggestion', () => {
    const text = fixture('etcd/minimal-valid.yml').replace('heartbeat-interval', 'heartbeat-intervall');
    const messages = validateEtcd('typo.yml', text).problems.map((p) => p.message);
    expect(messages).toContain(
      'typo.yml: heartbeat-intervall: unknown key (not one of "name", "data-dir", "listen-peer-urls", "initial-advertise-peer-urls", "listen-client-urls", "advertise-client-urls", "initial-cluster", "initial-cluster-token", "initial-cluster-state", "heartbeat-interval", "election-timeout", "enable-grpc-gateway", "enable-v2", "logger", "log-level", "log-outputs"). Fix: did you mean "heartbeat-interval"?',
    );
  });

  it('notices a member missing from its own initial-cluster', () => {
    const { config } = validate('member-not-listed.yml');
    expect(config).toBeDefined();
    if (!config) return;
    expect(checkEtcdCluster([{ file: 'member-not-listed.yml', config }]).map((p) => p.message)).toEqual([
      'member-not-listed.yml: initial-cluster: does not list this member as e1=http://10.0.0.11:2380. Fix: add that pair, matching name and initial-advertise-peer-urls.',
    ]);
  });
});
