import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { articleSchema } from '../../src/schemas/article.ts';

/**
 * The curriculum's structure rules, checked on the real articles: what the schema
 * cannot see because it lives in the MDX body.
 */
const DIR = 'content/articles';
const files = readdirSync(DIR).filter((file) => file.endsWith('.mdx'));
const glossaryIds = new Set(
  (parse(readFileSync('content/glossary.yaml', 'utf8')) as { id: string }[]).map((e) => e.id),
);

/** The learning path the site promises, in reading order. */
const LEARNING_PATH = [
  'cluster-vs-database',
  'what-is-a-database',
  'what-is-a-cluster',
  'one-word-many-meanings',
  'replication',
  'sharding-and-partitioning',
  'consensus-and-quorum',
  'failover-and-split-brain',
  'redis-replication-sentinel-cluster',
  'lab-patroni-etcd',
  'lab-failover-and-switchover',
  'patroni-operations',
  'scale-up-or-scale-out',
  'consistency-trade-offs',
  'distributed-databases',
  'how-many-nodes',
];

function read(file: string) {
  const text = readFileSync(join(DIR, file), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match?.[1] || match[2] === undefined) throw new Error(`${file}: no frontmatter block`);
  return { data: articleSchema.parse(parse(match[1])), body: match[2] };
}

/** The body without fenced code, so code samples never count as prose or headings. */
const prose = (body: string) => body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1\s*$/gm, '');

describe('the learning path', () => {
  it('publishes every promised article in order', () => {
    const ordered = files
      .map((file) => ({ id: file.replace(/\.mdx$/, ''), ...read(file).data }))
      .sort((a, b) => a.part - b.part || a.order - b.order)
      .map((article) => article.id);
    expect(ordered).toEqual(LEARNING_PATH);
  });
});

describe.each(files)('%s', (file) => {
  const { data, body } = read(file);
  const text = prose(body);

  it('has no h1 in its body (the layout prints the title)', () => {
    expect(text).not.toMatch(/^# /m);
  });

  it('opens with a lede paragraph that answers its question', () => {
    const first = text
      .split(/\n{2,}/)
      .map((block) => block.trim())
      .find((block) => block !== '' && !block.startsWith('import ') && !block.startsWith('{/*'));
    // A paragraph of prose: not a heading, list, table, quote or block component (inline <Term> is fine).
    expect(first).not.toMatch(/^(#|<(?!Term\b)|\||- |> )/);
    expect(first?.length).toBeGreaterThan(120);
  });

  it('ends with a self-check of 3 to 5 questions answered in <details>', () => {
    const h2s = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(h2s.at(-1)).toBe('Check your understanding');
    const selfCheck = text.slice(text.lastIndexOf('## Check your understanding'));
    const questions = selfCheck.match(/<details>\s*<summary>[^<]+<\/summary>/g) ?? [];
    expect(questions.length).toBeGreaterThanOrEqual(3);
    expect(questions.length).toBeLessThanOrEqual(5);
  });

  it('has at least one diagram with a caption', () => {
    expect(body).toMatch(/^```mermaid [^\n]*caption="[^"]+"/m);
  });

  it('lists every source it cites inline', () => {
    const cited = [...text.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g)].map((match) => match[1]);
    const listed = new Set(data.sources.map((source) => source.url));
    expect(cited.filter((url) => url !== undefined && !listed.has(url))).toEqual([]);
  });

  it('links only glossary terms that exist', () => {
    const ids = [...body.matchAll(/<Term id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.filter((id) => id !== undefined && !glossaryIds.has(id))).toEqual([]);
  });
});
