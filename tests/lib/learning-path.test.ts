import { describe, expect, it } from 'vitest';
import { buildLearningPath, type PathEntry } from '../../src/articles/learning-path.ts';

function entry(id: string, part: 1 | 2 | 3 | 4, order: number, prerequisites: string[] = [], draft = false): PathEntry {
  return { id, filePath: `content/articles/${id}.mdx`, data: { title: id, part, order, prerequisites, draft } };
}

describe('learning path', () => {
  it('orders by part, then by order within the part', () => {
    const path = buildLearningPath([entry('c', 2, 1), entry('b', 1, 2), entry('a', 1, 1)]);
    expect(path.ordered.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(path.parts.map((p) => [p.title, p.articles.map((a) => a.id)])).toEqual([
      ['Foundations', ['a', 'b']],
      ['How databases become clusters', ['c']],
    ]);
  });

  it('links previous and next across parts', () => {
    const path = buildLearningPath([entry('a', 1, 1), entry('b', 2, 1)]);
    expect(path.previous('a')).toBeUndefined();
    expect(path.next('a')?.id).toBe('b');
    expect(path.previous('b')?.id).toBe('a');
    expect(path.next('b')).toBeUndefined();
  });

  it('leaves drafts out', () => {
    const path = buildLearningPath([entry('a', 1, 1), entry('draft', 1, 2, [], true)]);
    expect(path.ordered.map((e) => e.id)).toEqual(['a']);
  });

  it('refuses two articles in the same place, naming both files', () => {
    expect(() => buildLearningPath([entry('a', 1, 1), entry('b', 1, 1)])).toThrow(
      'content/articles/b.mdx: part 1, order 1 is already taken by content/articles/a.mdx. Give each article its own "order" within its part.',
    );
  });

  it('refuses a prerequisite that is not an article', () => {
    expect(() => buildLearningPath([entry('a', 1, 1, ['missing'])])).toThrow(
      'content/articles/a.mdx: prerequisite "missing" is not an article. Use the file name (without .mdx) of an article in content/articles/.',
    );
  });
});
