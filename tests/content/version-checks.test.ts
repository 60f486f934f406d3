import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { articleSchema } from '../../src/schemas/article.ts';

/**
 * Versions on every page that states behaviour (issue 16): an article that cites a product's own
 * documentation or source names the versions it checked in `checkedWith`.
 */
const DIR = 'content/articles';

/** Where a product's own documentation or source lives, and the name `checkedWith` gives it. */
const PRODUCTS: readonly [RegExp, string][] = [
  [/^https:\/\/patroni\.readthedocs\.io\/|^https:\/\/github\.com\/patroni\//, 'Patroni'],
  [/^https:\/\/etcd\.io\/docs\/|^https:\/\/github\.com\/etcd-io\//, 'etcd'],
  [/^https:\/\/www\.postgresql\.org\/docs\//, 'PostgreSQL'],
  [/^https:\/\/docs\.haproxy\.org\//, 'HAProxy'],
  [/^https:\/\/dev\.mysql\.com\/doc\//, 'MySQL'],
  [/^https:\/\/www\.mongodb\.com\/docs\//, 'MongoDB'],
  [/^https:\/\/redis\.io\/|^https:\/\/github\.com\/redis\//, 'Redis'],
  [/^https:\/\/valkey\.io\/|^https:\/\/github\.com\/valkey-io\//, 'Valkey'],
  [/^https:\/\/(www\.)?dragonflydb\.io\/|^https:\/\/github\.com\/dragonflydb\//, 'Dragonfly'],
];

function frontmatter(file: string) {
  const text = readFileSync(join(DIR, file), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match?.[1]) throw new Error(`${file}: no frontmatter block`);
  return articleSchema.parse(parse(match[1]));
}

describe('versions on every page that states behaviour', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.mdx'))) {
    it(`${file} names the versions of every product whose documentation it cites`, () => {
      const data = frontmatter(file);
      const cited = new Set(
        data.sources.flatMap((s) => PRODUCTS.filter(([pattern]) => pattern.test(s.url)).map(([, name]) => name)),
      );
      const named = new Set(data.checkedWith.map((c) => c.system));
      const missing = [...cited].filter((name) => !named.has(name));
      expect(missing, `add them to checkedWith in content/articles/${file} (docs/AUTHORING.md, "Versions")`).toEqual(
        [],
      );
    });
  }
});
