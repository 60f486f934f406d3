/**
 * remark-local-images: an image an article shows from this site (`![alt](./figure.png)`,
 * `![alt][ref]`, JSX `<img src="…">`) must exist. Without this check a missing file fails later,
 * in the compiled module, at a line of the compiled output instead of the article's. Relative paths
 * are read from the article's folder, root-relative ones (`/x.png`) from public/. Fails the build
 * with every missing image, each with its file and line.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Definition, Image, ImageReference, Root } from 'mdast';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { AuthorError } from '../loaders/author-error.ts';
import { authoredFile, isJsxElement, stringAttribute } from './mdx-source.ts';

export interface LocalImage {
  src: string;
  line: number;
}

/** Images the tree loads from this site (not `https:`, `data:` or other schemes), with their lines. */
export function localImagesIn(tree: Root): LocalImage[] {
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node: Definition) => {
    definitions.set(node.identifier.toLowerCase(), node.url);
  });
  const found: LocalImage[] = [];
  const add = (src: string | undefined, node: Node) => {
    if (src && !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('//') && !src.startsWith('#')) {
      found.push({ src, line: node.position?.start.line ?? 0 });
    }
  };
  visit(tree, (node: Node) => {
    if (node.type === 'image') add((node as Image).url, node);
    else if (node.type === 'imageReference')
      add(definitions.get((node as ImageReference).identifier.toLowerCase()), node);
    else if (isJsxElement(node) && node.name === 'img') add(stringAttribute(node, 'src'), node);
  });
  return found;
}

/** Where an image's file is: beside the article, or in public/ for a root-relative path. */
export function imageFile(src: string, articlePath: string, publicDir: string): string {
  const clean = decodeURI(src.replace(/[?#].*$/, ''));
  return clean.startsWith('/') ? path.join(publicDir, clean) : path.resolve(path.dirname(articlePath), clean);
}

export interface LocalImagesOptions {
  /** The site's public/ folder (absolute). */
  publicDir: string;
}

export function remarkLocalImages(options: LocalImagesOptions) {
  return (tree: Root, file: VFile): void => {
    if (!file.path) return;
    const articlePath = file.path;
    const missing = localImagesIn(tree).filter(
      ({ src }) => !existsSync(imageFile(src, articlePath, options.publicDir)),
    );
    if (missing.length === 0) return;
    const name = authoredFile(file);
    throw new AuthorError(
      missing
        .map(
          ({ src, line }) =>
            `${name}:${line}: image "${src}" does not exist. Fix: add the file (${src.startsWith('/') ? 'under public/' : "relative to the article's folder"}), or correct the path.`,
        )
        .join('\n'),
      missing[0]?.line,
    );
  };
}
