import { describe, expect, it } from 'vitest';
import type { FoundDiagram } from '../../src/diagrams/scan.ts';
import { diagramsInMarkdown, duplicateFigureIds } from '../../src/diagrams/scan.ts';
import { planCache } from '../../scripts/lib/diagram-sync.ts';
import { RENDERER_VERSION, diagramKey } from '../../src/diagrams/mermaid-config.ts';
import { PRIMARY_TWO_REPLICAS } from './fixtures.ts';

const VERSION = '12.3.0';
const diagram = (file: string, source: string, id = 'fig-a'): FoundDiagram => ({
  file,
  line: 3,
  source,
  id,
  title: 'T',
  description: 'D',
  caption: undefined,
});

describe('planCache', () => {
  const used = diagram('content/articles/a.mdx', PRIMARY_TWO_REPLICAS);
  const key = diagramKey(PRIMARY_TWO_REPLICAS, VERSION);
  const stale = 'f'.repeat(64);

  it('lists a needed key without an entry as missing', () => {
    expect(planCache([used], [], VERSION).missing).toEqual([key]);
  });

  it('lists an entry nothing needs as unused', () => {
    expect(planCache([used], [key, stale], VERSION).unused).toEqual([stale]);
  });

  it('writes a manifest naming the figures and files of each entry once', () => {
    const again = diagram('content/diagrams/a.mmd', PRIMARY_TWO_REPLICAS, 'fig-b');
    expect(planCache([used, again, used], [key], VERSION).manifest).toEqual({
      mermaid: VERSION,
      renderer: RENDERER_VERSION,
      entries: { [key]: { figures: ['fig-a', 'fig-b'], usedBy: ['content/articles/a.mdx', 'content/diagrams/a.mmd'] } },
    });
  });
});

describe('diagramsInMarkdown', () => {
  const mdx = [
    '---',
    'title: x',
    '---',
    '',
    '<Aside type="note">A note.</Aside>',
    '',
    '```mermaid id="fig-two" caption="Two."',
    PRIMARY_TWO_REPLICAS,
    '```',
    '',
    '```sql',
    'select 1;',
    '```',
  ].join('\n');

  it('finds the Mermaid blocks of an MDX article with their fence line, id and caption', () => {
    expect(diagramsInMarkdown(mdx, 'content/articles/x.mdx')).toEqual([
      {
        file: 'content/articles/x.mdx',
        line: 7,
        source: PRIMARY_TWO_REPLICAS,
        id: 'fig-two',
        title: 'Primary with two replicas',
        description: 'Clients send writes to the primary, which streams WAL to replica 1 and replica 2.',
        caption: 'Two.',
      },
    ]);
  });

  it('skips the YAML front matter and keeps the file’s line numbers', () => {
    const withColonsAndEquals = mdx.replace('title: x', 'title: "a = b: {c}"\nsources:\n  - url: https://x.test/?a=1');
    expect(diagramsInMarkdown(withColonsAndEquals, 'content/articles/x.mdx').map((found) => found.line)).toEqual([9]);
  });

  it('names the file when it is not valid MDX', () => {
    expect(() => diagramsInMarkdown('a <b =c> d', 'content/articles/bad.mdx')).toThrow(
      /^content\/articles\/bad\.mdx: cannot parse as MDX: /,
    );
  });

  it('reports a figure id used in two articles', () => {
    const found = [
      ...diagramsInMarkdown(mdx, 'content/articles/x.mdx'),
      ...diagramsInMarkdown(mdx, 'content/articles/y.mdx'),
    ];
    expect([...duplicateFigureIds(found).keys()]).toEqual(['fig-two']);
  });
});
