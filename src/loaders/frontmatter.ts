/**
 * Checks an article's frontmatter before Astro reads it, so that every mistake names the file and
 * the line it is on (Astro reports `:0:0` for a schema error, and a line two below the fault for
 * invalid YAML) and says how to fix it. Pure: tests call it on small named texts.
 */
import type { z } from 'astro/zod';
import { issueMessages } from './schema-messages.ts';
import { firstYamlError, parseLocated } from './yaml-lines.ts';

/** Where the fields are explained, for every hint. */
const GUIDE = 'docs/AUTHORING.md, "Frontmatter"';

export interface FrontmatterCheck {
  /** The frontmatter as data (YAML 1.2: dates stay text for the schema to check) when it parses. */
  readonly data: Record<string, unknown> | undefined;
  /** One sentence per problem: `file:line: what is wrong. Fix: …`. */
  readonly problems: readonly string[];
}

/** The YAML between the opening and closing `---` lines; its first line is line 2 of the file. */
export function frontmatterYaml(text: string): string | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? (match[1] ?? '') : undefined;
}

/** Reads and validates the frontmatter of `file` (a project-relative path) against `schema`. */
export function checkFrontmatter(file: string, text: string, schema: z.ZodType): FrontmatterCheck {
  const yaml = frontmatterYaml(text);
  if (yaml === undefined) {
    return {
      data: undefined,
      problems: [
        `${file}:1: no frontmatter. Fix: start the file with a "---" line, the fields (${GUIDE}), then another "---" line.`,
      ],
    };
  }
  // Line n of the YAML is line n + 1 of the file (the opening "---" is line 1).
  const at = (line: number) => `${file}:${line + 1}`;
  const located = parseLocated(yaml);
  const syntax = firstYamlError(located);
  if (syntax) {
    return {
      data: undefined,
      problems: [`${at(syntax.line)}:${syntax.column}: invalid YAML in the frontmatter: ${syntax.reason}.`],
    };
  }
  const data: unknown = located.document.toJS();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      data: undefined,
      problems: [`${at(1)}: the frontmatter is not a list of "field: value" lines. Fix: write the fields of ${GUIDE}.`],
    };
  }
  const result = schema.safeParse(data);
  if (result.success) return { data: data as Record<string, unknown>, problems: [] };
  return {
    data: undefined,
    problems: issueMessages(result.error, { schema, data, located, at, guide: GUIDE, noun: 'field' }),
  };
}
