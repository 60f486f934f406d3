/**
 * Checks content/glossary.yaml as a whole before its entries are stored: YAML syntax, each entry's
 * fields, and ids that must be unique on /glossary/ (every id and former id is an anchor there).
 * Astro's file loader only warns about a repeated id and lets the second entry replace the first
 * on the glossary page and in every term preview; it logs invalid YAML and builds on without a
 * glossary. Pure: tests call it on small named texts.
 */
import type { z } from 'astro/zod';
import { issueMessages } from './schema-messages.ts';
import { firstYamlError, lineOfPath, parseLocated } from './yaml-lines.ts';

const GUIDE = 'src/schemas/glossary-entry.ts';

export interface GlossaryItem {
  readonly id: string;
  /** The entry as written (validated: the schema accepts it). */
  readonly data: Record<string, unknown>;
  /** Line of the entry in the file. */
  readonly line: number;
}

export interface GlossaryCheck {
  readonly entries: readonly GlossaryItem[];
  /** One sentence per problem: `file:line: what is wrong. Fix: …`. */
  readonly problems: readonly string[];
}

export function checkGlossary(file: string, text: string, schema: z.ZodType): GlossaryCheck {
  const located = parseLocated(text);
  const at = (line: number) => `${file}:${line}`;
  const syntax = firstYamlError(located);
  if (syntax) {
    return { entries: [], problems: [`${at(syntax.line)}:${syntax.column}: invalid YAML: ${syntax.reason}.`] };
  }
  const data: unknown = located.document.toJS();
  if (!Array.isArray(data)) {
    return {
      entries: [],
      problems: [
        `${at(1)}: the glossary must be a list of entries, each starting with "- id: ...". Fix: see ${GUIDE}.`,
      ],
    };
  }
  const problems: string[] = [];
  const entries: GlossaryItem[] = [];
  /** Every anchor the glossary page will have: id or former id → the line that claims it. */
  const anchors = new Map<string, { line: number; what: string }>();
  data.forEach((raw: unknown, index) => {
    const line = lineOfPath(located, [index]);
    const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    const lead = typeof id === 'string' ? `entry "${id}": ` : `entry ${index + 1}: `;
    const result = schema.safeParse(raw);
    if (!result.success) {
      problems.push(
        ...issueMessages(result.error, {
          schema,
          data: raw,
          located,
          at,
          guide: GUIDE,
          noun: 'field',
          prefix: [index],
          lead,
        }),
      );
      return;
    }
    const entry = raw as { id: string; formerIds?: string[] };
    const claims: [anchor: string, what: string, line: number][] = [
      [entry.id, `the id of the entry at line ${line}`, lineOfPath(located, [index, 'id'])],
      ...(entry.formerIds ?? []).map((former, i): [string, string, number] => [
        former,
        `a former id of "${entry.id}" (line ${line})`,
        lineOfPath(located, [index, 'formerIds', i]),
      ]),
    ];
    for (const [anchor, what, claimLine] of claims) {
      const earlier = anchors.get(anchor);
      if (earlier) {
        problems.push(
          `${at(claimLine)}: glossary id "${anchor}" is already ${earlier.what}. Fix: give each entry its own id ` +
            '(two entries with one id would replace each other on the glossary page and in every term preview); ' +
            'to keep an old link, list the old id in formerIds of one entry only.',
        );
      } else {
        anchors.set(anchor, { line: claimLine, what });
      }
    }
    entries.push({ id: entry.id, data: raw as Record<string, unknown>, line });
  });
  return { entries, problems };
}
