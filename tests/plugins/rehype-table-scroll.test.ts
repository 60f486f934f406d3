import { describe, expect, it } from 'vitest';
import { wrapTables } from '../../src/plugins/rehype-table-scroll.ts';
import { transform } from '../support/hast.ts';

describe('rehype-table-scroll', () => {
  it('wraps a table in a focusable, named scroll region', () => {
    expect(transform('<table><thead><tr><th>Question</th><th>Database</th></tr></thead></table>', wrapTables)).toBe(
      '<section class="cde-table-scroll" tabindex="0" aria-label="Table: Question, Database">' +
        '<table><thead><tr><th>Question</th><th>Database</th></tr></thead></table></section>',
    );
  });

  it('names a table without headers plainly', () => {
    expect(transform('<table><tr><td>x</td></tr></table>', wrapTables)).toContain('aria-label="Table"');
  });

  it('wraps every table once', () => {
    const html = transform('<table></table><p>between</p><table></table>', wrapTables);
    expect(html.match(/cde-table-scroll/g)).toHaveLength(2);
  });
});
