/**
 * Resolves an article's `movedAnchors` (old id → `/articles/slug/#id`) against the articles they
 * point to, for the MovedSections component: the link text is the section's heading or the
 * figure's caption on its new page. A target that does not exist fails the build here, by name,
 * before the link check would report the bare link.
 */
import { withBase } from '../site/urls.ts';

/** What a moved section can point at on its new page. */
export interface TargetArticle {
  title: string;
  /** Heading ids (slugs) with their text. */
  headings: readonly { slug: string; text: string }[];
  /** Figure ids with their captions. */
  figures: readonly { id: string; caption: string | undefined }[];
}

/** A moved section, ready to link: what the MovedSections component shows. */
export interface MovedSection {
  /** The old id, kept on this page. */
  id: string;
  /** The new address, base included. */
  href: string;
  /** The section's heading or the figure's caption, on its new page. */
  label: string;
  /** The title of the article it moved to. */
  page: string;
  /** That article's address, base included. */
  pageHref: string;
}

/**
 * One entry per moved anchor, in the frontmatter's order. `file` names the article in errors;
 * `targets` holds every published article by slug.
 */
export function resolveMovedSections(
  file: string,
  movedAnchors: Readonly<Record<string, string>>,
  targets: ReadonlyMap<string, TargetArticle>,
  base: string,
): MovedSection[] {
  return Object.entries(movedAnchors).map(([id, to]) => {
    const match = /^\/articles\/([^/]+)\/#(.+)$/.exec(to);
    if (!match?.[1] || !match[2]) {
      throw new Error(
        `${file}: movedAnchors sends "${id}" to "${to}", which is not an article address with an anchor.`,
      );
    }
    const [, slug, anchor] = match;
    const target = targets.get(slug);
    if (!target) {
      throw new Error(
        `${file}: movedAnchors sends "${id}" to ${to}, but there is no published article "${slug}". ` +
          'Use the slug of the article the section moved to (its file name in content/articles).',
      );
    }
    const heading = target.headings.find((candidate) => candidate.slug === anchor)?.text;
    const caption = target.figures.find((figure) => figure.id === anchor)?.caption;
    const label = heading ?? (caption === undefined ? undefined : `Figure: ${caption}`);
    if (label === undefined) {
      throw new Error(
        `${file}: movedAnchors sends "${id}" to ${to}, but "${slug}" has no heading or captioned figure with id "${anchor}". ` +
          `Use the id as it appears on the new page (#${anchor} there).`,
      );
    }
    const pageHref = withBase(`/articles/${slug}/`, base);
    return { id, href: `${pageHref}#${anchor}`, label, page: target.title, pageHref };
  });
}
