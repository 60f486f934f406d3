import { z } from 'zod';

/**
 * The etcd configuration-file keys the lab uses, as a strict schema
 * (https://etcd.io/docs/v3.4/op-guide/configuration/). Each key is the name
 * of the matching command-line flag without its leading dashes.
 */

/** Comma-separated http(s) URLs, as etcd writes its URL lists. */
const urlList = z
  .string()
  .regex(/^https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*$/, 'expected comma-separated URLs such as http://127.0.0.11:2380');

/** `name=url` pairs, comma-separated. */
const initialCluster = z
  .string()
  .regex(
    /^[^\s=,]+=https?:\/\/[^\s,]+(,[^\s=,]+=https?:\/\/[^\s,]+)*$/,
    'expected name=peer-URL pairs separated by commas',
  );

const milliseconds = z.number().int('expected whole milliseconds').positive();

export const etcdSchema = z
  .strictObject({
    name: z.string().min(1),
    'data-dir': z.string().startsWith('/', 'expected an absolute path'),
    'listen-peer-urls': urlList,
    'initial-advertise-peer-urls': urlList,
    'listen-client-urls': urlList,
    'advertise-client-urls': urlList,
    'initial-cluster': initialCluster,
    'initial-cluster-token': z.string().min(1),
    'initial-cluster-state': z.enum(['new', 'existing']),
    'heartbeat-interval': milliseconds,
    // etcd refuses to start above 50000 ms (checked with etcd 3.4.23).
    'election-timeout': milliseconds.max(50000, 'etcd refuses an election-timeout above 50000 ms'),
    // Patroni's etcd3 client needs the gRPC gateway (/v3/... over HTTP); with
    // --config-file, etcd 3.4 only serves it when this is true.
    'enable-grpc-gateway': z.literal(true, 'must be true: Patroni talks to etcd through the gRPC gateway'),
    'enable-v2': z.boolean().optional(),
    logger: z.enum(['zap', 'capnslog']).optional(),
    'log-level': z.enum(['debug', 'info', 'warn', 'error', 'panic', 'fatal']).optional(),
    'log-outputs': z.array(z.string()).optional(),
  })
  // etcd refuses to start otherwise (etcd 3.4.23: "--election-timeout should be
  // at least as 5 times as --heartbeat-interval").
  .refine((c) => c['election-timeout'] >= 5 * c['heartbeat-interval'], {
    path: ['election-timeout'],
    message: 'must be at least 5 times heartbeat-interval, or etcd refuses to start',
  });

export type EtcdConfig = z.infer<typeof etcdSchema>;
