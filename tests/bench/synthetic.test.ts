import { describe, expect, it } from 'vitest';
import { extractMermaidBlocks, syntheticArticle } from '../../scripts/bench/synthetic.ts';
import { articleSchema } from '../../src/schemas/article.ts';

const DIAGRAM = 'flowchart LR\n  accTitle: Two nodes\n  accDescr: A talks to B.\n  A --> B';

function frontmatter(text: string): Record<string, unknown> {
  const yaml = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  // The generator writes a small, fixed subset of YAML: parse just that.
  const data: Record<string, unknown> = {};
  let list: unknown[] | undefined;
  let item: Record<string, string> | undefined;
  for (const line of yaml.split('\n')) {
    const key = /^(\w+):\s*(.*)$/.exec(line);
    if (key) {
      const [, name = '', value = ''] = key;
      const unquoted = value.replace(/^'(.*)'$/, '$1');
      if (value === '') data[name] = list = [];
      else if (/^\[.*\]$/.test(value))
        data[name] = value
          .slice(1, -1)
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
      else data[name] = /^\d+$/.test(value) ? Number(value) : unquoted;
      continue;
    }
    const entry = /^ {2}- (?:(\w+): )?(.*)$/.exec(line);
    if (entry) {
      const [, name, value = ''] = entry;
      if (name) {
        item = { [name]: value.replace(/^'(.*)'$/, '$1') };
        list?.push(item);
      } else list?.push(value);
      continue;
    }
    const more = /^ {4}(\w+): (.*)$/.exec(line);
    if (more && item) item[more[1] ?? ''] = more[2] ?? '';
  }
  return data;
}

describe('synthetic articles for the scale run', () => {
  it('finds the Mermaid blocks of an article', () => {
    const mdx = `Intro\n\n\`\`\`mermaid id="fig-a" caption="A"\n${DIAGRAM}\n\`\`\`\n\n\`\`\`sql\nSELECT 1;\n\`\`\`\n`;
    expect(extractMermaidBlocks(mdx)).toEqual([DIAGRAM]);
  });

  it('writes frontmatter the article schema accepts', () => {
    const { text } = syntheticArticle({
      index: 7,
      diagrams: [DIAGRAM],
      linkTo: 'cluster-vs-database',
      glossaryId: 'quorum',
    });
    const parsed = articleSchema.safeParse(frontmatter(text));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.order).toBe(1007);
    expect(parsed.data?.prerequisites).toEqual(['cluster-vs-database']);
  });

  it('gives every article its own slug, place and figure ids, with two diagrams from the sources', () => {
    const one = syntheticArticle({ index: 1, diagrams: [DIAGRAM, DIAGRAM], linkTo: 'x' });
    const two = syntheticArticle({ index: 2, diagrams: [DIAGRAM, DIAGRAM], linkTo: 'x' });
    expect(one.slug).toBe('bench-article-0001');
    expect(two.slug).not.toBe(one.slug);
    expect([...one.text.matchAll(/```mermaid id="(fig-[\w-]+)"/g)].map((m) => m[1])).toEqual([
      'fig-bench-article-0001-1',
      'fig-bench-article-0001-2',
    ]);
    expect(extractMermaidBlocks(one.text)).toEqual([DIAGRAM, DIAGRAM]);
    expect(one.text).toContain('](/articles/x/)');
    expect(one.text).toMatch(/\n## Check your understanding\n/);
  });

  it('has no diagrams when the site has none, and no glossary term without a glossary', () => {
    const { text } = syntheticArticle({ index: 3, diagrams: [], linkTo: 'x' });
    expect(text).not.toContain('```mermaid');
    expect(text).not.toContain('<Term');
  });
});
