import { describe, expect, it } from 'vitest';
import {
  compareRegistry,
  describeProblem,
  isBreaking,
  parseRegistry,
  readBuiltPage,
  registryFromPages,
  serializeRegistry,
  type BuiltPage,
} from '../../src/postbuild/anchor-registry.ts';

const html = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

/** A small site: an article with two sections and a figure, and the glossary. */
const article: BuiltPage = { path: '/articles/replication/', anchors: ['fig-wal', 'lag', 'synchronous-replication'] };
const glossary: BuiltPage = { path: '/glossary/', anchors: ['quorum'] };
const registry = { '/articles/replication/': ['fig-wal', 'lag', 'synchronous-replication'], '/glossary/': ['quorum'] };

describe('reading a built page', () => {
  it('takes ids of headings, figures, glossary terms and aliases, not of other elements', () => {
    const page = readBuiltPage(
      '/articles/x/',
      html(
        '<h1 id="article-title">T</h1><h2 id="lag"><span id="old-lag" data-anchor-alias="lag"></span>Lag</h2>' +
          '<h3 id="sub">S</h3><figure id="fig-a"></figure><dl><dt id="term">T</dt></dl>' +
          '<main id="main"></main><h2 id="cde-search-title">Search</h2><p id="para"></p>',
      ),
    );
    expect(page).toEqual({
      path: '/articles/x/',
      anchors: ['fig-a', 'lag', 'old-lag', 'sub', 'term'],
      redirectTo: undefined,
    });
  });

  it("takes the ids that keep a moved section's anchor", () => {
    const page = readBuiltPage(
      '/articles/x/',
      html('<ul><li id="crash" data-cde-moved><a href="/articles/y/#crash">Crash</a></li><li id="other"></li></ul>'),
    );
    expect(page.anchors).toEqual(['crash']);
  });

  it('recognises a redirect page and its target, under a base path', () => {
    const page = readBuiltPage(
      '/articles/old/',
      html('<h1>Moved</h1>', '<meta http-equiv="refresh" content="0; url=/docs/articles/new/">'),
      '/docs/',
    );
    expect(page.redirectTo).toBe('/articles/new/');
  });
});

describe('comparing the registry with the build', () => {
  it('finds nothing when every published URL and anchor is there', () => {
    expect(compareRegistry(registry, [article, glossary])).toEqual([]);
  });

  it('reports a renamed heading without an alias as a lost anchor', () => {
    const renamed = { ...article, anchors: ['fig-wal', 'lag', 'synchronous-commit'] };
    const problems = compareRegistry(registry, [renamed, glossary]);
    expect(problems).toEqual([
      { kind: 'lost-anchor', path: '/articles/replication/', anchor: 'synchronous-replication' },
      { kind: 'new-anchor', path: '/articles/replication/', anchor: 'synchronous-commit' },
    ]);
    expect(problems.filter(isBreaking)).toHaveLength(1);
  });

  it('accepts a renamed heading whose old id is kept as an alias', () => {
    const aliased = { ...article, anchors: ['fig-wal', 'lag', 'synchronous-commit', 'synchronous-replication'] };
    expect(compareRegistry(registry, [aliased, glossary]).filter(isBreaking)).toEqual([]);
  });

  it('reports a removed page, unless a redirect leads to a page with the same anchors', () => {
    const moved: BuiltPage = { path: '/articles/copies/', anchors: article.anchors };
    expect(compareRegistry(registry, [moved, glossary]).filter(isBreaking)).toEqual([
      { kind: 'lost-page', path: '/articles/replication/' },
    ]);
    const redirect: BuiltPage = { path: '/articles/replication/', anchors: [], redirectTo: '/articles/copies/' };
    expect(compareRegistry(registry, [redirect, moved, glossary]).filter(isBreaking)).toEqual([]);
  });

  it('checks the anchors of a redirected page on its target', () => {
    const moved: BuiltPage = { path: '/articles/copies/', anchors: ['lag'] };
    const redirect: BuiltPage = { path: '/articles/replication/', anchors: [], redirectTo: '/articles/copies/' };
    expect(compareRegistry(registry, [redirect, moved, glossary]).filter(isBreaking)).toEqual([
      { kind: 'lost-anchor', path: '/articles/replication/', anchor: 'fig-wal' },
      { kind: 'lost-anchor', path: '/articles/replication/', anchor: 'synchronous-replication' },
    ]);
  });

  it('reports a redirect to a page that does not exist', () => {
    const redirect: BuiltPage = { path: '/articles/replication/', anchors: [], redirectTo: '/articles/nowhere/' };
    expect(compareRegistry(registry, [redirect, glossary])).toEqual([
      { kind: 'broken-redirect', path: '/articles/replication/', target: '/articles/nowhere/' },
    ]);
  });

  it('reports new pages and anchors, which are not breaking', () => {
    const problems = compareRegistry(registry, [
      article,
      { ...glossary, anchors: ['quorum', 'raft'] },
      { path: '/new/', anchors: [] },
    ]);
    expect(problems).toEqual([
      { kind: 'new-anchor', path: '/glossary/', anchor: 'raft' },
      { kind: 'new-page', path: '/new/' },
    ]);
    expect(problems.some(isBreaking)).toBe(false);
  });
});

describe('messages', () => {
  it('names the page, the lost anchor and the fix for an article', () => {
    expect(describeProblem({ kind: 'lost-anchor', path: '/articles/replication/', anchor: 'lag' })).toBe(
      'Anchor removed: /articles/replication/#lag is published (content/anchors.json) but no longer on the page. ' +
        'Links to it would break. Restore the id, or add "anchorAliases: { lag: <new-id> }" to the frontmatter of ' +
        'content/articles/replication.mdx so the old link lands on the new place. If the section moved to another ' +
        'article, add "movedAnchors: { lag: /articles/<slug>/#<id> }" instead.',
    );
  });

  it('points glossary renames at formerIds, and removed pages at redirects', () => {
    expect(describeProblem({ kind: 'lost-anchor', path: '/glossary/', anchor: 'raft' })).toContain(
      'add "formerIds: [raft]" to the renamed entry in content/glossary.yaml',
    );
    expect(describeProblem({ kind: 'lost-page', path: '/articles/old/' })).toContain(
      'add a redirect to content/redirects.json: "/articles/old/": "/new/path/"',
    );
  });
});

describe('the registry file', () => {
  it('is written sorted, with redirect pages keeping their registered anchors', () => {
    const redirect: BuiltPage = { path: '/articles/replication/', anchors: [], redirectTo: '/articles/copies/' };
    const next = registryFromPages([{ path: '/glossary/', anchors: ['b', 'a'] }, redirect], registry);
    expect(serializeRegistry(next)).toBe(
      '{\n  "/articles/replication/": [\n    "fig-wal",\n    "lag",\n    "synchronous-replication"\n  ],\n' +
        '  "/glossary/": [\n    "a",\n    "b"\n  ]\n}\n',
    );
  });

  it('round-trips, and refuses a malformed file with the fix', () => {
    expect(parseRegistry(serializeRegistry(registry))).toEqual(registry);
    expect(() => parseRegistry('{"articles/x/": ["a"]}')).toThrow(
      'content/anchors.json: "articles/x/" must be a root-relative path with a list of anchor names.',
    );
    expect(() => parseRegistry('{')).toThrow(/content\/anchors.json is not valid JSON .* Run npm run anchors:update/);
  });
});
