import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** `{ "old-id": "new-id" }`: links to #old-id keep working after a rename. */
export type AnchorAliases = Record<string, string>;

/**
 * Keeps renamed anchors working: for each `old-id: new-id` in the article's `anchorAliases`
 * frontmatter, puts an empty `<span id="old-id" data-anchor-alias="new-id">` first inside the
 * element with id `new-id` (a heading or figure), so `#old-id` scrolls to the same place.
 * Runs after rehype-heading-links, which gives headings their ids.
 */
export function rehypeAnchorAliases() {
  return (tree: Root, file: VFile): void => {
    const frontmatter = (file.data as { astro?: { frontmatter?: { anchorAliases?: AnchorAliases } } }).astro
      ?.frontmatter;
    addAnchorAliases(tree, frontmatter?.anchorAliases ?? {}, file.path || 'this article');
  };
}

/** The transform itself, exported so tests can call it on a tree directly. */
export function addAnchorAliases(tree: Root, aliases: AnchorAliases, source = 'this article'): void {
  const entries = Object.entries(aliases);
  if (entries.length === 0) return;
  const byId = new Map<string, Element>();
  visit(tree, 'element', (node: Element) => {
    const id = node.properties['id'];
    if (typeof id === 'string') byId.set(id, node);
  });
  for (const [oldId, newId] of entries) {
    if (byId.has(oldId)) {
      throw new Error(
        `${source}: anchorAliases maps "${oldId}" to "${newId}", but "${oldId}" is still an id on the page. ` +
          'Remove the alias: the old anchor exists.',
      );
    }
    const target = byId.get(newId);
    if (!target) {
      throw new Error(
        `${source}: anchorAliases maps "${oldId}" to "${newId}", but the page has no heading or figure with id "${newId}". ` +
          `Use the new id exactly as it appears in the page (#${newId}).`,
      );
    }
    target.children.unshift({
      type: 'element',
      tagName: 'span',
      properties: { id: oldId, dataAnchorAlias: newId },
      children: [],
    });
    byId.set(oldId, target);
  }
}
