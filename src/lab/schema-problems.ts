import type { z } from 'zod';
import { problem, type Problem } from './problem.ts';

/** Edit distance, to suggest the key a typo probably meant. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The known key closest to `key`, if it is close enough to be a typo. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const ranked = known.map((k) => ({ k, d: distance(key, k) })).sort((x, y) => x.d - y.d);
  const best = ranked[0];
  return best && best.d <= Math.max(1, Math.floor(key.length / 4)) ? best.k : undefined;
}

/** Keys a strict object schema allows at `path`, for "did you mean" hints. */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const segment of path) {
    node = unwrap(node);
    const shape = (node as { shape?: Record<string, unknown> }).shape;
    node = shape?.[String(segment)];
    if (node === undefined) return [];
  }
  const shape = (unwrap(node) as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** Looks through optional/refined wrappers to the object schema inside. */
function unwrap(node: unknown): unknown {
  let current = node as { def?: { innerType?: unknown; in?: unknown; schema?: unknown } } | undefined;
  for (let i = 0; i < 5 && current?.def; i++) {
    const inner = current.def.innerType ?? current.def.in ?? current.def.schema;
    if (inner === undefined) break;
    current = inner as typeof current;
  }
  return current;
}

export type KeyHint = (key: string, path: string) => string | undefined;

/**
 * Turns a failed Zod parse into problems named by file and dotted key. An
 * unknown key gets a hint: a specific one from `hint` (e.g. `etcd` → `etcd3`),
 * or the closest allowed key when it looks like a typo.
 */
export function schemaProblems(
  file: string,
  schema: z.ZodType,
  error: z.ZodError,
  input: unknown,
  hint: KeyHint = () => undefined,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        const full = path ? `${path}.${key}` : key;
        const specific = hint(key, path);
        const near = closestKey(key, known);
        const fix =
          specific ??
          (near ? `Fix: did you mean "${near}"?` : `Fix: remove it, or check the spelling against the documentation.`);
        problems.push(
          problem(
            file,
            full,
            'unknown-key',
            `unknown key (not one of ${known.map((k) => `"${k}"`).join(', ')}). ${fix}`,
          ),
        );
      }
    } else {
      // YAML 1.1 (Patroni's and etcd's dialect) reads unquoted on/off/yes/no
      // as booleans: say so, since the file "looks" right to its author.
      const value = issue.path.reduce<unknown>(
        (node, k) => (node as Record<PropertyKey, unknown> | undefined)?.[k],
        input,
      );
      const boolForText =
        typeof value === 'boolean' && (issue.code !== 'invalid_type' || issue.message.includes('expected string'));
      const yamlHint = boolForText
        ? ` YAML 1.1 reads an unquoted on, off, yes or no as a boolean. Fix: quote it ("${value ? 'on' : 'off'}").`
        : '';
      problems.push(problem(file, path || '(file)', issue.code, `${issue.message}.${yamlHint}`));
    }
  }
  return problems;
}
