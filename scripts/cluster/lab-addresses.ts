/** Every loopback address and port the lab binds, for the "is it free?" preflight. */
import type { LabLayout } from './lab-layout.ts';

export function labAddresses(lab: LabLayout): { host: string; port: number }[] {
  const etcd = lab.etcd.flatMap((m) => {
    const host = new URL(m.clientUrl).hostname;
    return [
      { host, port: Number(new URL(m.clientUrl).port) },
      // Peer port: the sample files use etcd's default, 2380.
      { host, port: 2380 },
    ];
  });
  const nodes = lab.nodes.flatMap((n) => [
    { host: n.pgHost, port: n.pgPort },
    { host: new URL(n.apiUrl).hostname, port: Number(new URL(n.apiUrl).port) },
  ]);
  return [...etcd, ...nodes, lab.writeAddress, lab.readAddress];
}
