import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { measuredVersions } from '../../src/lab/cluster-measurement.ts';
import { articleSchema } from '../../src/schemas/article.ts';

/**
 * A page that says it was measured on a version (`checkedWith`, basis `measured`) names the version
 * the lab's cluster test last ran, as bench-results/cluster.json records it (the Redis lab's, as
 * bench-results/redis.json does): after an upgrade of the
 * lab's packages and a new run, every such page fails here until its text is checked again.
 */
const DIR = 'content/articles';
const redis = JSON.parse(readFileSync('bench-results/redis.json', 'utf8')) as { version: string };
const ran = [
  ...measuredVersions(JSON.parse(readFileSync('bench-results/cluster.json', 'utf8'))),
  // The Redis lab's run (npm run test:redis) records the redis-server it booted.
  { system: 'Redis', versions: redis.version },
];

describe('measured versions are the ones the cluster test ran', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.mdx'))) {
    const text = readFileSync(join(DIR, file), 'utf8');
    const data = articleSchema.parse(parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? ''));
    const measured = data.checkedWith.filter((c) => c.basis === 'measured');
    if (measured.length === 0) continue;
    it(`${file}: ${measured.map((c) => `${c.system} ${c.versions}`).join(', ')}`, () => {
      for (const check of measured) {
        expect(
          ran.find((r) => r.system === check.system),
          `content/articles/${file}: checkedWith says ${check.system} ${check.versions} was measured`,
        ).toEqual({ system: check.system, versions: check.versions });
      }
    });
  }
});
