/**
 * Helpers for remark plugins that report on what an author wrote: the file as the author knows it
 * and the JSX elements of an MDX tree. Pure.
 */
import path from 'node:path';
import type { Node } from 'unist';

/**
 * The file for messages: from its `content/` folder on (`content/articles/x.mdx`), as authors see it,
 * also in a fixture site; else relative to the working directory, or absolute when outside it.
 */
export function authoredFile(file: { path?: string; cwd: string }): string {
  if (!file.path) return '<unknown file>';
  const posix = file.path.split(path.sep).join('/');
  const at = posix.lastIndexOf('/content/');
  if (at >= 0) return posix.slice(at + 1);
  const relative = path.relative(file.cwd, file.path);
  return relative.startsWith('..') ? file.path : relative.split(path.sep).join('/');
}

/** An MDX JSX element (`<Term id="x">`), as remark-mdx parses it. */
export interface JsxElement extends Node {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
}

/** An attribute: `id="x"` has a string value; `{...}` expressions have an object value. */
export interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | { type: string; value: string } | null;
}

export function isJsxElement(node: Node): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/**
 * The string value of an attribute written `name="value"`, or `name={"value"}` / `name={'value'}`
 * (a string literal in braces, the same text to the reader), if it is one.
 */
export function stringAttribute(element: JsxElement, name: string): string | undefined {
  const attribute = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  const value = attribute?.value;
  if (typeof value === 'string') return value;
  if (value?.type !== 'mdxJsxAttributeValueExpression') return undefined;
  const literal = /^\s*(["'])((?:(?!\1)[^\\\n])*)\1\s*$/.exec(value.value);
  return literal?.[2];
}
