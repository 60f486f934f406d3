import { z } from 'zod';

/**
 * The Patroni keys this site teaches, as a strict schema: an unknown key is an
 * error (so `loop_wiat` or `etcd` is caught), and so is a wrong type. It
 * mirrors the documented settings
 * (https://patroni.readthedocs.io/en/latest/yaml_configuration.html) and the
 * rules Patroni 3.0's own `--validate-config` enforces; it is deliberately
 * narrower than Patroni, which accepts many more keys.
 */

/** `host:port`, as Patroni writes every listen and connect address. */
const hostPort = z.string().regex(/^[^\s:,]+:\d{1,5}$/, 'expected host:port, such as 127.0.0.21:8008');

/**
 * Patroni refuses these in a connect_address: other machines would connect to
 * themselves (Patroni's validator, `validate_connect_address`).
 */
const UNREACHABLE_HOSTS = ['127.0.0.1', '0.0.0.0', '*', '::1', 'localhost'];
const connectAddress = hostPort.refine(
  (value) => !UNREACHABLE_HOSTS.includes(value.slice(0, value.lastIndexOf(':'))),
  "Patroni's validator refuses 127.0.0.1, 0.0.0.0, *, ::1 and localhost in a connect_address: use an address the other nodes can reach",
);

const absolutePath = z.string().startsWith('/', 'expected an absolute path');

/** PostgreSQL settings: Patroni passes them through, so any name, scalar values. */
const pgParameters = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

const pgHba = z.array(z.string().min(1)).min(1);

const user = z.strictObject({ username: z.string().min(1), password: z.string().min(1) });

const wholeSeconds = z.number().int('expected whole seconds');

export const patroniSchema = z.strictObject({
  scope: z.string().min(1),
  namespace: z.string().min(1).optional(),
  name: z.string().min(1),
  restapi: z.strictObject({ listen: hostPort, connect_address: connectAddress }),
  etcd3: z.strictObject({ hosts: z.array(hostPort).min(1) }),
  bootstrap: z.strictObject({
    dcs: z.strictObject({
      ttl: wholeSeconds,
      loop_wait: wholeSeconds,
      retry_timeout: wholeSeconds,
      maximum_lag_on_failover: z.number().int().nonnegative().optional(),
      synchronous_mode: z.boolean().optional(),
      postgresql: z
        .strictObject({
          use_pg_rewind: z.boolean().optional(),
          use_slots: z.boolean().optional(),
          parameters: pgParameters.optional(),
        })
        .optional(),
    }),
    // initdb options: a bare flag ("data-checksums") or a one-key mapping ("encoding: UTF8").
    initdb: z.array(z.union([z.string(), z.record(z.string(), z.string())])),
    pg_hba: pgHba,
  }),
  postgresql: z.strictObject({
    listen: hostPort,
    connect_address: connectAddress,
    data_dir: absolutePath,
    bin_dir: absolutePath.optional(),
    pgpass: absolutePath,
    authentication: z.strictObject({ superuser: user, replication: user, rewind: user }),
    parameters: pgParameters.optional(),
    pg_hba: pgHba.optional(),
  }),
  watchdog: z
    .strictObject({ mode: z.enum(['off', 'automatic', 'required']), device: z.string().optional() })
    .optional(),
  tags: z
    .strictObject({
      nofailover: z.boolean().optional(),
      noloadbalance: z.boolean().optional(),
      clonefrom: z.boolean().optional(),
      nosync: z.boolean().optional(),
    })
    .optional(),
});

export type PatroniConfig = z.infer<typeof patroniSchema>;
