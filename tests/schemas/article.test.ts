import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/schemas/article.ts';

const valid = {
  title: 'Replication basics',
  description: 'How a primary sends its changes to replicas, and what each kind of replica waits for.',
  part: 2,
  order: 1,
  prerequisites: ['cluster-vs-database'],
  outcomes: ['Explain what a replica is.', 'Compare synchronous and asynchronous replication.'],
  lastReviewed: '2026-11-26',
  sources: [
    { title: 'PostgreSQL: High Availability', url: 'https://www.postgresql.org/docs/current/high-availability.html' },
  ],
};

/** The first issue's path and message, the way Astro reports it. */
function firstIssue(data: unknown): string {
  const result = articleSchema.safeParse(data);
  if (result.success) return 'valid';
  const issue = result.error.issues[0];
  return `${issue?.path.join('.')}: ${issue?.message}`;
}

describe('article frontmatter schema', () => {
  it('accepts a complete article and fills in defaults', () => {
    const data = articleSchema.parse(valid);
    expect(data.draft).toBe(false);
    expect(data.lastReviewed).toEqual(new Date('2026-11-26'));
  });

  it('requires at least one source', () => {
    expect(firstIssue({ ...valid, sources: [] })).toBe('sources: list at least one primary source');
  });

  it('requires sources to be absolute http(s) URLs', () => {
    expect(firstIssue({ ...valid, sources: [{ title: 'Local file', url: 'file:///etc/passwd' }] })).toBe(
      'sources.0.url: must be an absolute http(s) URL',
    );
  });

  it('rejects a part outside the learning path', () => {
    expect(firstIssue({ ...valid, part: 7 })).toMatch(/^part: /);
  });

  it('rejects a description too short for a link preview', () => {
    expect(firstIssue({ ...valid, description: 'Too short.' })).toMatch(/^description: Too small/);
  });

  it('rejects unknown fields, so a misspelt key is not silently ignored', () => {
    expect(firstIssue({ ...valid, lastReviwed: '2026-01-01' })).toMatch(/^: Unrecognized key: "lastReviwed"/);
  });

  it('rejects prerequisites that are not slugs', () => {
    expect(firstIssue({ ...valid, prerequisites: ['Cluster vs Database'] })).toBe(
      'prerequisites.0: must be a kebab-case article slug',
    );
  });

  it('requires learning outcomes', () => {
    expect(firstIssue({ ...valid, outcomes: ['Only one outcome here.'] })).toMatch(/^outcomes: Too small/);
  });

  it('accepts moved anchors that point at an article address with an anchor', () => {
    const data = articleSchema.parse({
      ...valid,
      movedAnchors: { 'timing_ttl-and-loop_wait': '/articles/lab-run/#timing_ttl-and-loop_wait' },
    });
    expect(data.movedAnchors).toEqual({ 'timing_ttl-and-loop_wait': '/articles/lab-run/#timing_ttl-and-loop_wait' });
  });

  it('rejects a moved anchor sent to a page without an anchor', () => {
    expect(firstIssue({ ...valid, movedAnchors: { 'crash-the-primary': '/articles/lab-run/' } })).toBe(
      'movedAnchors.crash-the-primary: must be an article address with an anchor, such as /articles/replication/#synchronous-commit',
    );
  });

  it('rejects a moved anchor written with its #', () => {
    expect(
      firstIssue({ ...valid, movedAnchors: { '#crash-the-primary': '/articles/lab-run/#crash-the-primary' } }),
    ).toBe(
      'movedAnchors.#crash-the-primary: must be an anchor id as it appears after # in a link: lower-case letters and ' +
        'digits (any script), "-" and "_", such as "crash-the-primary"',
    );
  });

  it('accepts an alias for a heading whose id keeps an underscore from code', () => {
    const aliases = { 'timing-ttl-and-loop_wait': 'timing-ttl-loop_wait-and-retry_timeout' };
    expect(articleSchema.parse({ ...valid, anchorAliases: aliases }).anchorAliases).toEqual(aliases);
  });

  it('accepts as alias and moved anchor any id the heading slugger makes, non-ASCII headings included', () => {
    const heading = 'Über uns: Größe & 日本語';
    const id = new GithubSlugger().slug(heading);
    expect(id).toBe('über-uns-größe--日本語');
    const data = articleSchema.parse({
      ...valid,
      anchorAliases: { [id]: 'about' },
      movedAnchors: { [id]: `/articles/about/#${id}` },
    });
    expect(Object.keys(data.anchorAliases)).toEqual([id]);
    expect(Object.keys(data.movedAnchors)).toEqual([id]);
  });

  it('rejects an id the slugger would never make, naming the one it would', () => {
    expect(firstIssue({ ...valid, anchorAliases: { 'Über-Uns': 'about' } })).toBe(
      'anchorAliases.Über-Uns: must be an anchor id as it appears after # in a link: lower-case letters and digits ' +
        '(any script), "-" and "_", such as "über-uns"',
    );
  });

  it('rejects an alias written with its #, with the same hint as a moved anchor', () => {
    expect(firstIssue({ ...valid, anchorAliases: { lag: '#replication-lag' } })).toBe(
      'anchorAliases.lag: must be an anchor id as it appears after # in a link: lower-case letters and digits (any ' +
        'script), "-" and "_", such as "replication-lag"',
    );
  });
});

describe('checkedWith', () => {
  it('defaults to no versions', () => {
    expect(articleSchema.parse(valid).checkedWith).toEqual([]);
  });

  it('accepts measured and documented versions, with an optional note', () => {
    const checkedWith = [
      { system: 'Patroni', versions: '3.0.2', basis: 'measured', note: "the lab's cluster test" },
      { system: 'etcd', versions: '3.5 and 3.6', basis: 'documented' },
    ];
    expect(articleSchema.parse({ ...valid, checkedWith }).checkedWith).toEqual(checkedWith);
  });

  it('names the two bases when another one is given', () => {
    expect(firstIssue({ ...valid, checkedWith: [{ system: 'Patroni', versions: '4.1', basis: 'read' }] })).toBe(
      'checkedWith.0.basis: must be "measured" (run on the lab\'s cluster) or "documented" (checked against its documentation)',
    );
  });

  it('requires the versions', () => {
    expect(firstIssue({ ...valid, checkedWith: [{ system: 'etcd', basis: 'documented' }] })).toMatch(
      /^checkedWith\.0\.versions: /,
    );
  });

  it('rejects a misspelt key inside an entry', () => {
    expect(
      firstIssue({ ...valid, checkedWith: [{ system: 'etcd', version: '3.6', versions: '3.6', basis: 'documented' }] }),
    ).toMatch(/^checkedWith\.0: Unrecognized key: "version"/);
  });
});
