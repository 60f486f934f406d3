import { describe, expect, it } from 'vitest';
import { articleFileProblems } from '../../src/loaders/article-loader.ts';

const FOLDER = 'content/articles';
const CASE_RULE = 'an article\'s file name is its URL, so it must be lower-case words joined by "-".';

describe("the articles' file names", () => {
  it('accepts slugs, and files beside the articles that are not articles', () => {
    expect(
      articleFileProblems(['replication.mdx', 'what-is-a-cluster.mdx', 'figure.png', 'img/x.svg'], FOLDER),
    ).toEqual([]);
  });

  it('refuses a name that is not its URL, with the name that keeps the URL', () => {
    expect(articleFileProblems(['My Article.mdx', 'Read_Replicas.mdx'], FOLDER)).toEqual([
      `content/articles/My Article.mdx: ${CASE_RULE} Fix: rename it to my-article.mdx (its URL stays /articles/my-article/).`,
      `content/articles/Read_Replicas.mdx: ${CASE_RULE} Fix: rename it to lower-case words joined by "-", such as read-replicas.mdx.`,
    ]);
  });

  it('refuses two files that would share one URL (one would replace the other)', () => {
    expect(articleFileProblems(['Valid.mdx', 'valid.mdx'], FOLDER)).toEqual([
      `content/articles/Valid.mdx: ${CASE_RULE} Fix: give it a name of its own (content/articles/valid.mdx has the URL it would get).`,
    ]);
  });

  it('refuses an article in a subfolder and a .md file, which would be left out or misplaced', () => {
    expect(articleFileProblems(['part-1/intro.mdx', 'notes.md'], FOLDER)).toEqual([
      'content/articles/part-1/intro.mdx: articles sit directly in content/articles/ (the file name is the URL). Fix: move it up, out of its folder.',
      'content/articles/notes.md: articles are MDX files, and this one would be left out. Fix: rename it to notes.mdx.',
    ]);
  });
});
