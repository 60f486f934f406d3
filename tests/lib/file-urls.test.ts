import type { Element } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { cssUrls, elementUrls, isJavaScript, jsSpecifiers, srcsetUrls } from '../../src/postbuild/file-urls.ts';

const urls = (element: Element) =>
  elementUrls(element).map(({ url, attribute, role }) => `${role} ${attribute} ${url}`);

describe('the URLs of an element', () => {
  it('reads each candidate of a srcset as a resource', () => {
    expect(urls(h('img', { src: '/a.png', srcSet: '/a.png 1x, /b.png 2x', alt: '' }))).toEqual([
      'resource src /a.png',
      'resource srcSet /a.png',
      'resource srcSet /b.png',
    ]);
    expect(srcsetUrls(' /s.png 480w ,/m.png 800w')).toEqual(['/s.png', '/m.png']);
  });

  it('tells links the reader follows from resources the browser fetches', () => {
    expect(urls(h('a', { href: '/articles/x/' }))).toEqual(['link href /articles/x/']);
    expect(urls(h('link', { rel: ['stylesheet'], href: '/_astro/a.css' }))).toEqual(['resource href /_astro/a.css']);
    expect(urls(h('link', { rel: ['preconnect'], href: 'https://cdn.example' }))).toEqual([
      'resource href https://cdn.example',
    ]);
    expect(urls(h('script', { src: '/_astro/a.js' }))).toEqual(['resource src /_astro/a.js']);
  });

  it('marks canonical and alternate links as the public address, neither link nor resource', () => {
    expect(urls(h('link', { rel: ['canonical'], href: 'https://example.org/x/' }))).toEqual([
      'public href https://example.org/x/',
    ]);
    expect(urls(h('link', { rel: ['alternate'], href: '/feed.xml' }))).toEqual(['public href /feed.xml']);
  });

  it('reads SVG references in both spellings, and nothing from elements without URLs', () => {
    expect(urls(h('use', { xLinkHref: '#arrow' }))).toEqual(['resource xLinkHref #arrow']);
    expect(urls(h('p', { title: '/not-a-url/' }))).toEqual([]);
  });

  it('knows a JavaScript script from a data block', () => {
    expect(isJavaScript(h('script', {}))).toBe(true);
    expect(isJavaScript(h('script', { type: 'module' }))).toBe(true);
    expect(isJavaScript(h('script', { type: 'application/json' }))).toBe(false);
  });
});

describe('the URLs of a stylesheet', () => {
  it('reads @import and url() in the order they stand, past comments and in-document references', () => {
    expect(
      cssUrls(`@import url("a.css") screen; @import 'b.css';
        /* url(c.png) */ .x { background: url( d.png ); mask: url(#m); src: url('e.woff2') format('woff2') }`),
    ).toEqual([
      { url: 'a.css', via: '@import' },
      { url: 'b.css', via: '@import' },
      { url: 'd.png', via: 'url()' },
      { url: 'e.woff2', via: 'url()' },
    ]);
  });
});

describe('the specifiers of a module', () => {
  it('reads static imports, re-exports, import() of a string and importScripts, with their places', () => {
    const code = 'import{a}from"./a.js";export*from"./b.js";import("./c.js");import(p);importScripts("./w.js")';
    const found = jsSpecifiers(code);
    expect(found.map(({ url, via }) => `${via} ${url}`)).toEqual([
      'import ./a.js',
      'import ./b.js',
      'import() ./c.js',
      'importScripts() ./w.js',
    ]);
    expect(found.map(({ start, end }) => code.slice(start, end))).toEqual(['./a.js', './b.js', './c.js', './w.js']);
  });

  it('tells static imports (side-effect ones too) from import()', () => {
    const code = `import a from './a.js';import'./b.js';export{c}from"./c.js";const d=()=>import('./d.js');`;
    expect(jsSpecifiers(code).map(({ url, via }) => `${via} ${url}`)).toEqual([
      'import ./a.js',
      'import ./b.js',
      'import ./c.js',
      'import() ./d.js',
    ]);
  });

  it('does not take a specifier-shaped string for an import', () => {
    expect(jsSpecifiers('const text = "import x from \'./a.js\'";')).toEqual([]);
  });

  it('names the file it cannot read', () => {
    expect(() => jsSpecifiers('import {', '_astro/bad.js')).toThrow(/^Cannot read the imports of _astro\/bad\.js: /);
  });
});
