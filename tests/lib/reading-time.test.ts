import { describe, expect, it } from 'vitest';
import { readingMinutes } from '../../src/articles/reading-time.ts';

const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');

describe('reading time', () => {
  it('counts 200 words a minute', () => {
    expect(readingMinutes(words(1000))).toBe(5);
  });

  it('is at least one minute', () => {
    expect(readingMinutes('Short.')).toBe(1);
  });

  it('ignores frontmatter, code, diagrams and MDX comments', () => {
    const source = `---\ntitle: ${words(400)}\n---\n${words(200)}\n\n\`\`\`mermaid\n${words(400)}\n\`\`\`\n{/* ${words(400)} */}\n`;
    expect(readingMinutes(source)).toBe(1);
  });
});
