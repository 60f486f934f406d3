/**
 * The value types of Redis configuration directives, as Zod schemas over the argument strings,
 * following Redis 7.0's own parsing (src/config.c): yes/no without regard to case, whole numbers
 * within each directive's range, memory sizes with the units k, kb, m, mb, g, gb.
 */
import { z } from 'zod';

/** An IPv4 address written out (the lab uses loopback addresses). */
export const ipv4 = z
  .string()
  .regex(/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/, 'expected an IPv4 address');

/** A whole number from its argument string, within [min, max]. */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .regex(/^-?\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be ${min} or more`).max(max, `must be ${max} or less`));
}

/** A TCP port: Redis accepts 0-65535, where 0 means "do not listen"; the lab needs a real port. */
export const port = wholeNumber(1, 65535);

/** yes or no, in any case, as a boolean. */
export const yesNo = z
  .string()
  .refine((v) => ['yes', 'no'].includes(v.toLowerCase()), 'expected yes or no')
  .transform((v) => v.toLowerCase() === 'yes');

const UNITS: Record<string, number> = { '': 1, k: 1000, kb: 1024, m: 1e6, mb: 1024 ** 2, g: 1e9, gb: 1024 ** 3 };

/** A memory size in bytes: 1048576, 1mb, 1m (10^6), 1gb. */
export const memory = z
  .string()
  .regex(/^\d+(k|kb|m|mb|g|gb)?$/i, 'expected a size such as 1mb or 1048576')
  .transform((v) => {
    const [, digits = '0', unit = ''] = /^(\d+)([a-z]*)$/i.exec(v) ?? [];
    return Number(digits) * (UNITS[unit.toLowerCase()] ?? 1);
  });

/** An absolute directory path. */
export const absolutePath = z.string().startsWith('/', 'expected an absolute path');
