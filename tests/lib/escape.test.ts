import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, sitePathProblem, urlPart, urlPath } from '../../src/client/escape.ts';

/** Elements of a parsed page, by tag name, as a browser's HTML parser builds them. */
function elements(html: string, tagName: string): Element[] {
  const found: Element[] = [];
  visit(fromHtml(html), 'element', (node: Element) => {
    if (node.tagName === tagName) found.push(node);
  });
  return found;
}

describe('jsonForScript', () => {
  const hostile = {
    title: 'Ends here </script><meta http-equiv="refresh" content="0; url=https://example.com/">',
    comment: '<!-- <script> opens a comment state',
    quotes: `"double" and 'single'`,
    separators: 'line\u2028paragraph\u2029end',
    ampersand: 'a && b',
  };

  it('keeps </script> and <!-- from ending or bending the script: one script, the same JSON inside', () => {
    const page = `<script type="application/json" id="data">${jsonForScript(hostile)}</script><p>after</p>`;
    const scripts = elements(page, 'script');
    expect(scripts).toHaveLength(1);
    expect(elements(page, 'meta')).toEqual([]);
    expect(JSON.parse(toString(scripts[0] as Element))).toEqual(hostile);
  });

  it('escapes <, >, & and U+2028/U+2029 as \\u escapes, and nothing else', () => {
    expect(jsonForScript('</script>')).toBe('"\\u003c/script\\u003e"');
    expect(jsonForScript('<!--')).toBe('"\\u003c!--"');
    expect(jsonForScript('a & b')).toBe('"a \\u0026 b"');
    expect(jsonForScript('\u2028\u2029')).toBe('"\\u2028\\u2029"');
    expect(jsonForScript(`"it's"`)).toBe(`"\\"it's\\""`);
  });

  it('gives JavaScript the same value when used as an expression', () => {
    expect(new Function(`return ${jsonForScript(hostile)};`)()).toEqual(hostile);
  });

  it('refuses a value with no JSON form', () => {
    expect(() => jsonForScript(undefined)).toThrow(
      'jsonForScript: the value has no JSON form (undefined or a function).',
    );
  });
});

describe('escapeHtml', () => {
  it('keeps quotes and angle brackets inside a quoted attribute', () => {
    const value = `x" onmouseover="alert(1)' <b>`;
    const [div] = elements(`<div title="${escapeHtml(value)}" data-x='${escapeHtml(value)}'></div>`, 'div');
    expect(div?.properties).toEqual({ title: value, dataX: value });
  });

  it('keeps markup in text as text', () => {
    const [p] = elements(`<p>${escapeHtml('</p><script>alert(1)</script>')}</p>`, 'p');
    expect(toString(p as Element)).toBe('</p><script>alert(1)</script>');
  });
});

describe('urlPart and urlPath', () => {
  it('percent-encodes what would end or change a URL', () => {
    expect(urlPart('a b#c?d/e"')).toBe('a%20b%23c%3Fd%2Fe%22');
    expect(urlPath('lab/my file#1.yml')).toBe('lab/my%20file%231.yml');
  });
});

describe('sitePathProblem', () => {
  it('accepts a root-relative link to this site', () => {
    expect(sitePathProblem('/articles/replication/#lag')).toBeUndefined();
  });

  it('refuses links a browser sends to another site, or cannot read', () => {
    expect(sitePathProblem('//example.com/')).toBe(
      'must not start with "//" or "/\\", which browsers read as another site',
    );
    expect(sitePathProblem('/\\example.com/')).toBe(
      'must not start with "//" or "/\\", which browsers read as another site',
    );
    expect(sitePathProblem('articles/x/')).toBe(
      'must start with "/" (a root-relative link such as /articles/replication/)',
    );
    expect(sitePathProblem('/articles/a b/')).toBe('must not contain a backslash, whitespace or control characters');
  });
});
