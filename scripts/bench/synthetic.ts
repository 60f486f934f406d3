/**
 * Synthetic articles for the benchmark's scale run: realistic in shape (frontmatter that passes
 * the schema, a lede, sections, a table, a highlighted code block, an aside, a glossary term,
 * internal links, two diagrams and a self-check), so that the per-page build cost measures the
 * real pipeline. Diagrams reuse the Mermaid sources of the site's own articles, so they hit the
 * diagram cache as an author's repeated diagram would.
 */

/** The body of every ```mermaid block of an MDX file (without the fences and the meta string). */
export function extractMermaidBlocks(mdx: string): string[] {
  const blocks: string[] = [];
  for (const match of mdx.matchAll(/^```mermaid[^\n]*\n([\s\S]*?)^```\s*$/gm)) {
    if (match[1]) blocks.push(match[1].replace(/\n$/, ''));
  }
  return blocks;
}

export interface SyntheticInput {
  /** 1-based; makes the slug, ids and place on the learning path unique. */
  index: number;
  /** Mermaid sources to draw diagrams from (cycled); empty for articles without diagrams. */
  diagrams: readonly string[];
  /** How many diagrams each article has (when there are sources). */
  diagramsPerArticle?: number;
  /** An existing article to link to and require. */
  linkTo: string;
  /** An existing glossary id for a `<Term>`, if the site has a glossary. */
  glossaryId?: string | undefined;
}

const WORDS = (
  'a replica applies the write-ahead log it receives from the primary and can answer read-only queries ' +
  'while the primary keeps accepting writes so the cluster spreads load and survives the loss of one node ' +
  'when the leader lease expires another member takes the lock after a majority agrees and clients follow ' +
  'the new primary through the proxy which checks each node and routes connections to the one that leads'
).split(' ');

/** Deterministic prose: `count` words starting at `seed`, as sentences. */
function prose(seed: number, count: number): string {
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(WORDS[(seed * 7 + i) % WORDS.length] ?? 'node');
  const sentences: string[] = [];
  for (let i = 0; i < words.length; i += 16) {
    const sentence = words.slice(i, i + 16).join(' ');
    sentences.push(sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.');
  }
  return sentences.join(' ');
}

export function syntheticSlug(index: number): string {
  return `bench-article-${String(index).padStart(4, '0')}`;
}

/** One synthetic article: its slug and the MDX text. */
export function syntheticArticle(input: SyntheticInput): { slug: string; text: string } {
  const { index, diagrams, linkTo, glossaryId } = input;
  const slug = syntheticSlug(index);
  const part = (index % 4) + 1;
  const perArticle = diagrams.length > 0 ? (input.diagramsPerArticle ?? 2) : 0;
  const figures = Array.from({ length: perArticle }, (_, n) => {
    const source = diagrams[(index + n) % diagrams.length] ?? '';
    return [
      `\`\`\`mermaid id="fig-${slug}-${n + 1}" caption="Synthetic figure ${n + 1} of benchmark article ${index}."`,
      source,
      '```',
    ].join('\n');
  });
  const term = glossaryId ? `<Term id="${glossaryId}">this term</Term>` : 'this term';
  const frontmatter = [
    '---',
    `title: 'Benchmark article ${index}: a synthetic page for the scale run'`,
    `description: 'A generated article with the shape of a real one, used only to measure the build cost per page (number ${index}).'`,
    `part: ${part}`,
    `order: ${1000 + index}`,
    `prerequisites: [${linkTo}]`,
    'outcomes:',
    '  - Explain what a synthetic article measures in the benchmark.',
    '  - Compare the build cost per page with the target of the issue.',
    'lastReviewed: 2026-01-01',
    'sources:',
    `  - title: 'PostgreSQL Documentation: High Availability, Load Balancing, and Replication'`,
    '    url: https://www.postgresql.org/docs/current/high-availability.html',
    '---',
  ];
  const sections = [0, 1, 2, 3].map((n) =>
    [
      `## Section ${n + 1} of article ${index}`,
      '',
      prose(index + n, 120),
      '',
      `### Detail ${n + 1}`,
      '',
      prose(index + n + 50, 80),
      '',
      ...(n < figures.length ? [figures[n] ?? '', '', prose(index + n + 90, 40), ''] : []),
    ].join('\n'),
  );
  const body = [
    prose(index, 60),
    '',
    `Read [the first article](/articles/${linkTo}/) before this one, and look up ${term} in the glossary.`,
    '',
    ...sections,
    '| Setting | Value | Why |',
    '| ------- | ----- | --- |',
    '| `synchronous_commit` | `on` | Waits for the replica to confirm. |',
    '| `max_wal_senders` | `10` | One per replica and backup. |',
    '',
    '```sql',
    'SELECT application_name, state, sync_state, replay_lag',
    'FROM pg_stat_replication',
    "WHERE state = 'streaming';",
    '```',
    '',
    '<Aside type="note">',
    '',
    prose(index + 7, 30),
    '',
    '</Aside>',
    '',
    '## Check your understanding',
    '',
    '<details>',
    '<summary>What does this synthetic article measure?</summary>',
    '',
    'The cost of building one more page with the same pipeline as the real articles.',
    '',
    '</details>',
    '',
    '<details>',
    '<summary>Why does it reuse the diagrams of real articles?</summary>',
    '',
    'So that they come from the diagram cache, as a repeated diagram would.',
    '',
    '</details>',
    '',
    '<details>',
    '<summary>Is it part of the site?</summary>',
    '',
    'No. It exists only in a temporary copy of the project during the benchmark.',
    '',
    '</details>',
    '',
  ];
  return { slug, text: [...frontmatter, '', ...body].join('\n') };
}
