/**
 * The sentinel.conf directives the lab's Sentinel files use, as a strict schema. Sentinel's own
 * settings are lines `sentinel <option> ...`; the reader keys them as "sentinel <option>". Those
 * about one monitored primary name it: `sentinel down-after-milliseconds <name> <ms>`. Names and
 * defaults from Redis 7.0 (https://github.com/redis/redis/blob/7.0/sentinel.conf, defaults in
 * src/sentinel.c).
 */
import { z } from 'zod';
import { absolutePath, ipv4, port, wholeNumber, yesNo } from './conf-values.ts';
import type { DirectiveTable } from './directives.ts';

export const SENTINEL_DIRECTIVES = {
  bind: { arity: 'many' },
  port: { arity: 'one' },
  'protected-mode': { arity: 'one' },
  daemonize: { arity: 'one' },
  logfile: { arity: 'one' },
  loglevel: { arity: 'one' },
  'proc-title-template': { arity: 'one' },
  dir: { arity: 'one' },
  'sentinel announce-ip': { arity: 'one' },
  'sentinel announce-port': { arity: 'one' },
  'sentinel resolve-hostnames': { arity: 'one' },
  'sentinel announce-hostnames': { arity: 'one' },
  'sentinel monitor': { arity: 4 },
  'sentinel auth-pass': { arity: 2 },
  'sentinel auth-user': { arity: 2 },
  'sentinel down-after-milliseconds': { arity: 2 },
  'sentinel failover-timeout': { arity: 2 },
  'sentinel parallel-syncs': { arity: 2 },
} as const satisfies DirectiveTable;

/**
 * Lines Sentinel writes into its own file as it runs (its ID, the epochs, what it discovered). A
 * hand-written file should not carry them: copied to other Sentinels, one myid makes several
 * Sentinels one, and the others are dropped as duplicates.
 */
export const SENTINEL_STATE_LINES = [
  'myid',
  'current-epoch',
  'config-epoch',
  'leader-epoch',
  'known-replica',
  'known-slave',
  'known-sentinel',
] as const;

/** A per-primary setting: the primary's name, then the value. */
function forPrimary<T extends z.ZodType<unknown, string>>(value: T) {
  return z
    .tuple([z.string(), value])
    .transform(([name, v]) => ({ name, value: v }))
    .optional();
}

export const sentinelSchema = z.strictObject({
  /** Addresses to listen on. */
  bind: z.array(ipv4).min(1),
  /** Sentinel's port (default 26379). */
  port: port.optional(),
  /** Refuse clients from other hosts when no password is set (default yes). */
  'protected-mode': yesNo.optional(),
  /** Fork into the background (default no). */
  daemonize: yesNo.optional(),
  /** Log file; "" is standard output. */
  logfile: z.string().optional(),
  /** How much to log (default notice). */
  loglevel: z.enum(['debug', 'verbose', 'notice', 'warning', 'nothing']).optional(),
  /** The process title `ps` shows. */
  'proc-title-template': z.string().min(1).optional(),
  /** Sentinel's working directory. */
  dir: absolutePath,
  /** The address this Sentinel announces in its hello messages (default: its connection's local address). */
  'sentinel announce-ip': ipv4.optional(),
  /** The port this Sentinel announces (default: its own port). */
  'sentinel announce-port': port.optional(),
  /** Accept host names as well as IP addresses (Redis 6.2+, default no). */
  'sentinel resolve-hostnames': yesNo.optional(),
  /** Announce host names rather than IP addresses (Redis 6.2+, default no). */
  'sentinel announce-hostnames': yesNo.optional(),
  /** The primary to watch: its name, address, port, and the quorum that marks it objectively down. */
  'sentinel monitor': z
    .tuple([
      z.string().regex(/^[A-Za-z0-9._-]+$/, 'a primary name may use only A-Z, a-z, 0-9 and . - _'),
      ipv4,
      port,
      z
        .string()
        .regex(/^-?\d+$/, 'the quorum must be a whole number')
        .transform(Number)
        .pipe(
          z.number().min(1, 'the quorum must be 1 or more; Sentinel refuses less ("Quorum must be 1 or greater.")'),
        ),
    ])
    .transform(([name, host, p, quorum]) => ({ name, host, port: p, quorum })),
  /** The password Sentinel gives the servers it watches (their requirepass). */
  'sentinel auth-pass': forPrimary(z.string().min(1)),
  /** The ACL user Sentinel authenticates as (default: the default user). */
  'sentinel auth-user': forPrimary(z.string().min(1)),
  /** Milliseconds without a valid answer before a server is subjectively down (default 30000). */
  'sentinel down-after-milliseconds': forPrimary(wholeNumber(1)),
  /** Milliseconds that bound a failover that does not progress (default 180000). */
  'sentinel failover-timeout': forPrimary(wholeNumber(1)),
  /** Replicas that may resynchronise with a new primary at once (default 1). */
  'sentinel parallel-syncs': forPrimary(wholeNumber(1)),
});

export type SentinelConfig = z.infer<typeof sentinelSchema>;
