/**
 * The lab's sample files, relative to content/lab/. The article, the unit
 * tests and the cluster harness all take the list from here.
 */
export const LAB_ETCD_FILES = ['etcd/etcd1.yml', 'etcd/etcd2.yml', 'etcd/etcd3.yml'] as const;
export const LAB_PATRONI_FILES = ['patroni/node1.yml', 'patroni/node2.yml', 'patroni/node3.yml'] as const;
export const LAB_HAPROXY_FILE = 'haproxy/haproxy.cfg';
