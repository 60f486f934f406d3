import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Wraps each table in a scroll container that keyboard users can reach (tabindex="0") and screen
 * readers can name (a <section> with aria-label: a native region), so a wide table on a phone
 * scrolls without breaking the page and stays operable without a mouse (WCAG 2.1.1; axe's
 * scrollable-region-focusable).
 */
export function rehypeTableScroll() {
  return (tree: Root): void => {
    wrapTables(tree);
  };
}

/** The transform itself, exported so tests can call it on a tree directly. */
export function wrapTables(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'table' || parent === undefined || index === undefined) return;
    const headers = headerCells(node);
    const wrapper: Element = {
      type: 'element',
      // The native element for a named region, rather than <div role="region"> (html-validate's
      // prefer-native-element).
      tagName: 'section',
      properties: {
        className: ['cde-table-scroll'],
        tabIndex: 0,
        ariaLabel: headers.length > 0 ? `Table: ${headers.join(', ')}` : 'Table',
      },
      children: [node],
    };
    parent.children[index] = wrapper;
    return SKIP;
  });
}

/** The column headers of the first row, which name the table for screen readers. */
function headerCells(table: Element): string[] {
  let firstRow: Element | undefined;
  visit(table, 'element', (row: Element) => {
    if (firstRow === undefined && row.tagName === 'tr') firstRow = row;
  });
  return (firstRow?.children ?? [])
    .filter((cell): cell is Element => cell.type === 'element' && cell.tagName === 'th')
    .map((cell) => toString(cell).trim())
    .filter((text) => text !== '');
}
