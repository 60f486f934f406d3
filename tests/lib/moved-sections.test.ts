import { describe, expect, it } from 'vitest';
import { resolveMovedSections, type TargetArticle } from '../../src/articles/moved-sections.ts';

const FILE = 'content/articles/lab-files.mdx';
const targets = new Map<string, TargetArticle>([
  [
    'lab-run',
    {
      title: 'Lab: run it',
      headings: [{ slug: 'crash-the-primary', text: 'Crash the primary' }],
      figures: [{ id: 'fig-timeline', caption: 'The failover, second by second.' }],
    },
  ],
]);

describe('resolveMovedSections', () => {
  it('labels a moved heading with its text on the new page, and keeps the old id', () => {
    expect(resolveMovedSections(FILE, { crash: '/articles/lab-run/#crash-the-primary' }, targets, '/')).toEqual([
      {
        id: 'crash',
        href: '/articles/lab-run/#crash-the-primary',
        label: 'Crash the primary',
        page: 'Lab: run it',
        pageHref: '/articles/lab-run/',
      },
    ]);
  });

  it('labels a moved figure with its caption', () => {
    const [moved] = resolveMovedSections(FILE, { 'fig-timeline': '/articles/lab-run/#fig-timeline' }, targets, '/');
    expect(moved?.label).toBe('Figure: The failover, second by second.');
  });

  it('puts the base in front of the new address', () => {
    const [moved] = resolveMovedSections(FILE, { crash: '/articles/lab-run/#crash-the-primary' }, targets, '/docs/');
    expect(moved?.href).toBe('/docs/articles/lab-run/#crash-the-primary');
    expect(moved?.pageHref).toBe('/docs/articles/lab-run/');
  });

  it('keeps the frontmatter order', () => {
    const moves = { b: '/articles/lab-run/#fig-timeline', a: '/articles/lab-run/#crash-the-primary' };
    expect(resolveMovedSections(FILE, moves, targets, '/').map((moved) => moved.id)).toEqual(['b', 'a']);
  });

  it('names the file and the fix when the article does not exist', () => {
    expect(() => resolveMovedSections(FILE, { crash: '/articles/lab-runs/#crash-the-primary' }, targets, '/')).toThrow(
      'content/articles/lab-files.mdx: movedAnchors sends "crash" to /articles/lab-runs/#crash-the-primary, but there is ' +
        'no published article "lab-runs". Use the slug of the article the section moved to (its file name in content/articles).',
    );
  });

  it('names the file and the fix when the new page has no such heading or figure', () => {
    expect(() => resolveMovedSections(FILE, { crash: '/articles/lab-run/#crash-a-primary' }, targets, '/')).toThrow(
      'content/articles/lab-files.mdx: movedAnchors sends "crash" to /articles/lab-run/#crash-a-primary, but "lab-run" ' +
        'has no heading or captioned figure with id "crash-a-primary". Use the id as it appears on the new page (#crash-a-primary there).',
    );
  });
});
