/**
 * Zod's issues as sentences for authors: each names the file and line of the value (found in the
 * parsed YAML), what is wrong, and the fix. Shared by the frontmatter and glossary checks.
 */
import type { z } from 'astro/zod';
import { closestKey } from '../lab/schema-problems.ts';
import { lineOfPath, type LocatedYaml } from './yaml-lines.ts';

export interface IssueContext {
  /** The schema that failed, for "did you mean" hints on unknown keys. */
  readonly schema: z.ZodType;
  /** The data that failed. */
  readonly data: unknown;
  /** The YAML it was read from. */
  readonly located: LocatedYaml;
  /** `file:line` for a line of the YAML. */
  readonly at: (line: number) => string;
  /** Where the fields are explained, e.g. `docs/AUTHORING.md, "Frontmatter"`. */
  readonly guide: string;
  /** What a key is called to authors: "field". */
  readonly noun: string;
  /** Where `data` sits in the YAML document (an entry of a list: `[3]`). */
  readonly prefix?: readonly PropertyKey[];
  /** Words before each message, e.g. `entry "quorum": `. */
  readonly lead?: string;
}

/** One sentence per issue: `file:line: [lead]what is wrong. Fix: …`. */
export function issueMessages(error: z.ZodError, context: IssueContext): string[] {
  const { schema, data, located, at, guide, noun, prefix = [], lead = '' } = context;
  return error.issues.flatMap((issue): string[] => {
    const path = issue.path.map(String).join('.');
    const where = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, issue.path);
      return issue.keys.map((key) => {
        const near = closestKey(key, known);
        const fix = near ? `did you mean "${near}"?` : `remove it, or use one of the ${noun}s of ${guide}.`;
        const name = path ? `${path}.${key}` : key;
        return `${at(lineOfPath(located, where, key))}: ${lead}unknown ${noun} "${name}". Fix: ${fix}`;
      });
    }
    const value = issue.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)?.[key], data);
    const line = at(lineOfPath(located, where));
    if (value === undefined && issue.code === 'invalid_type') {
      return [`${line}: ${lead}"${path}" is missing. Fix: add it (${guide}).`];
    }
    return [`${line}: ${lead}${path || noun}: ${issue.message.replace(/\.$/, '')}. Fix: see ${guide}.`];
  });
}

/** Field names a strict object schema allows at `path`, for "did you mean" hints. */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const segment of path) {
    const inner = unwrap(node) as { shape?: Record<string, unknown>; element?: unknown };
    node = typeof segment === 'number' ? inner.element : inner.shape?.[String(segment)];
  }
  const shape = (unwrap(node) as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/** Looks through defaults, optionals and pipes to the schema inside. */
function unwrap(node: unknown): unknown {
  let current = node as { def?: { innerType?: unknown; in?: unknown } } | undefined;
  for (let i = 0; i < 5 && current?.def; i++) {
    const inner = current.def.innerType ?? current.def.in;
    if (inner === undefined) break;
    current = inner as typeof current;
  }
  return current;
}
