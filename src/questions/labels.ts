import type { QuestionSystem, QuestionTopic } from '../schemas/question.ts';

/** The heading of each topic's group on /questions/. */
export const TOPIC_LABELS: Record<QuestionTopic, string> = {
  concepts: 'Concepts',
  replication: 'Replication',
  failover: 'Failover and switchover',
  quorum: 'Quorum and node counts',
  sharding: 'Sharding',
  consistency: 'Consistency',
  operations: 'Day-to-day operations',
  kubernetes: 'Databases on Kubernetes',
  choosing: 'Choosing a system',
};

/** Each system as its makers write it. */
export const SYSTEM_LABELS: Record<QuestionSystem, string> = {
  general: 'General',
  postgresql: 'PostgreSQL',
  patroni: 'Patroni',
  etcd: 'etcd',
  haproxy: 'HAProxy',
  pgbouncer: 'PgBouncer',
  kubernetes: 'Kubernetes',
  cloudnativepg: 'CloudNativePG',
  'zalando-operator': "Zalando's Postgres Operator",
  mysql: 'MySQL',
  galera: 'Galera',
  mongodb: 'MongoDB',
  redis: 'Redis',
  valkey: 'Valkey',
  dragonfly: 'Dragonfly',
  cassandra: 'Cassandra',
  elasticsearch: 'Elasticsearch',
  opensearch: 'OpenSearch',
  cockroachdb: 'CockroachDB',
  tidb: 'TiDB',
  yugabytedb: 'YugabyteDB',
  spanner: 'Spanner',
};

/** Q&A sites by host, as readers know them. */
const QA_SITES: Record<string, string> = {
  'stackoverflow.com': 'Stack Overflow',
  'serverfault.com': 'Server Fault',
  'superuser.com': 'Super User',
  'dba.stackexchange.com': 'Database Administrators Stack Exchange',
};

/**
 * A short name for the page where a question was asked: "GitHub issue patroni/patroni#2345",
 * "Stack Overflow", "PostgreSQL mailing list", or else the host name.
 */
export function askedAtLabel(url: string): string {
  const { hostname, pathname } = new URL(url);
  const host = hostname.replace(/^www\./, '');
  if (host === 'github.com') {
    const match = /^\/([^/]+)\/([^/]+)\/(issues|discussions|pull)\/(\d+)/.exec(pathname);
    if (match) {
      const kind = { issues: 'issue', discussions: 'discussion', pull: 'pull request' }[match[3] as 'issues'];
      return `GitHub ${kind} ${match[1]}/${match[2]}#${match[4]}`;
    }
    return 'GitHub';
  }
  const site = QA_SITES[host];
  if (site) return site;
  if (host.endsWith('.stackexchange.com')) return `${host.slice(0, -'.stackexchange.com'.length)} Stack Exchange`;
  if (host === 'postgresql.org' && pathname.startsWith('/message-id/')) return 'PostgreSQL mailing list';
  if (host === 'reddit.com') {
    const subreddit = /^\/r\/([^/]+)/.exec(pathname)?.[1];
    return subreddit ? `Reddit r/${subreddit}` : 'Reddit';
  }
  return host;
}
