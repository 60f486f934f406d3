import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listHtmlFiles } from '../../src/postbuild/build-files.ts';
import { findMissingAlternatives } from '../../scripts/lib/text-alternatives.ts';
import { distOf, TARGETS } from './targets.ts';

describe.each(TARGETS)('text alternatives in the $name build', (target) => {
  it('every image, SVG and figure of every page has a text alternative', async () => {
    const dist = distOf(target);
    const problems: string[] = [];
    for (const file of listHtmlFiles(dist)) {
      for (const missing of findMissingAlternatives(await readFile(join(dist, file), 'utf8'))) {
        problems.push(`${file}: ${missing.element} ${missing.reason}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
