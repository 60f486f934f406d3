import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseBuiltHtml } from '../../src/postbuild/html-tree.ts';
import { readQuestionsFile } from '../../src/questions/questions-file.ts';
import { distOf, TARGETS } from './targets.ts';

// The corpus of content/questions.yaml against what the build made of it (issue 15): each
// article lists exactly the questions its sections explain, and the questions page has each
// question under its id, linking to a heading of the article that explains it.
const { questions, problems } = readQuestionsFile(await readFile('content/questions.yaml', 'utf8'));
const corpus = questions.map((entry) => entry.question);

/** The article slugs of a build. */
async function articleSlugs(dist: string): Promise<string[]> {
  const entries = await readdir(join(dist, 'articles'), { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

async function page(dist: string, path: string): Promise<Root> {
  return parseBuiltHtml(await readFile(join(dist, path, 'index.html'), 'utf8'));
}

/** Every element below `root` (or `root` itself) that passes `test`. */
function elements(root: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(root, 'element', (element: Element) => {
    if (test(element)) found.push(element);
  });
  return found;
}

const hasClass = (element: Element, name: string): boolean =>
  Array.isArray(element.properties['className']) && element.properties['className'].includes(name);

/**
 * Plain text, for comparison: the typographic quotes, dashes and ellipses that the site's
 * punctuation gives prose (rehype-smart-punctuation) back as the ASCII they come from.
 */
const plain = (text: string): string =>
  text
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/—/g, '---')
    .replace(/–/g, '--')
    .replace(/…/g, '...')
    .replace(/\s+/g, ' ')
    .trim();

describe('the questions file', () => {
  it('is valid', () => {
    expect(problems).toEqual([]);
    expect(corpus.length).toBeGreaterThan(0);
  });
});

describe.each(TARGETS)('questions in the $name build', (target) => {
  const base = target.base.replace(/\/$/, '');

  it('each article lists exactly the questions its sections explain, in file order', async () => {
    const dist = distOf(target);
    const mismatches: string[] = [];
    for (const slug of await articleSlugs(dist)) {
      const tree = await page(dist, `articles/${slug}`);
      const list = elements(tree, (element) => hasClass(element, 'cde-article-questions'));
      const anchors = list.flatMap((section) => elements(section, (element) => element.tagName === 'a'));
      const links = anchors.map((a) => ({
        href: String(a.properties['href']),
        text: plain(toString(a)),
      }));
      const expected = corpus
        .filter((question) => question.explainedBy.startsWith(`/articles/${slug}/#`))
        .map((question) => ({ href: `${base}/questions/#${question.id}`, text: plain(question.question.replace(/`/g, '')) }));
      if (JSON.stringify(links) !== JSON.stringify(expected)) {
        mismatches.push(`${slug}: listed ${JSON.stringify(links)}, expected ${JSON.stringify(expected)}`);
      }
    }
    expect(mismatches, mismatches.join('\n')).toEqual([]);
  });

  it('the questions page has every question under its id, explained by a heading of its article', async () => {
    const dist = distOf(target);
    const tree = await page(dist, 'questions');
    const entries = elements(tree, (element) => hasClass(element, 'cde-question'));
    const ids = entries.flatMap((entry) => elements(entry, (element) => element.tagName === 'h3')).map((h3) => String(h3.properties['id']));
    expect(ids.sort()).toEqual(corpus.map((question) => question.id).sort());
    const wrong: string[] = [];
    for (const question of corpus) {
      const [path, anchor] = question.explainedBy.split('#') as [string, string];
      const article = await page(dist, path.slice(1, -1));
      // A heading, not an alias left behind by a rename or a moved section's placeholder.
      const heading = elements(article, (element) => /^h[2-4]$/.test(element.tagName)).find(
        (element) => element.properties['id'] === anchor,
      );
      if (!heading) wrong.push(`${question.id}: ${question.explainedBy} is not a heading of that article`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
});
