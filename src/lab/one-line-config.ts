import { problem, type Problem } from './problem.ts';

/**
 * Detects a configuration that was flattened onto one line, as in the snippet
 * that circulates in vendor FAQs:
 *   scope: postgres namespace: /service/ name: pg_cluster1 restapi: listen: ...
 * YAML reads indentation and line breaks as structure. On one line, PyYAML
 * (which Patroni uses) stops with "mapping values are not allowed here"; a
 * lenient reader instead builds one chain of nested keys ("postgres namespace"
 * inside "scope", and so on). Neither is the mapping the author meant.
 */
export function findFlattenedKeys(text: string): string[] | undefined {
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (lines.length !== 1) return undefined;
  const keys = [...(lines[0] ?? '').matchAll(/(?:^|\s)([A-Za-z_][\w.-]*):(?=\s|$)/g)].map((m) => m[1] ?? '');
  return keys.length > 1 ? keys : undefined;
}

export function checkOneLine(file: string, text: string): Problem[] {
  const keys = findFlattenedKeys(text);
  if (!keys) return [];
  return [
    problem(
      file,
      '(file)',
      'one-line-config',
      `${keys.length} keys (${keys.map((k) => `${k}:`).join(' ')}) are on a single line. YAML reads line breaks and indentation as structure, so this is not the mapping the author meant: Patroni's YAML reader rejects it ("mapping values are not allowed here") and a lenient one nests everything under "scope". Fix: put each key on its own line and indent the nested ones (listen and connect_address under restapi, hosts under the DCS section).`,
    ),
  ];
}

/** Top-level keys of a (possibly one-line) file, found by text, for checks that must work even when YAML fails. */
export function mentionsKey(text: string, key: string): boolean {
  return new RegExp(`(?:^|\\s)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(?=\\s|$)`, 'm').test(text);
}
