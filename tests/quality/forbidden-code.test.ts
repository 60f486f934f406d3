import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanCode, scanDist } from '../../scripts/lib/forbidden-code.ts';

describe('spotting build-time libraries in browser code', () => {
  it('recognises Mermaid by its API and diagram keywords', () => {
    const code = 'var m={mermaidAPI:x,initialize(e){e.startOnLoad&&run()}};';
    expect(scanCode(code, 'a.js').map((finding) => [finding.library, finding.label])).toEqual([
      ['Mermaid', 'mermaidAPI'],
      ['Mermaid', 'startOnLoad option'],
    ]);
    expect(scanCode('const types=["flowchart-v2","sequenceDiagram"]', 'b.js')).toHaveLength(2);
  });

  it('recognises Shiki by its API, themes and grammars', () => {
    expect(scanCode('h.codeToHast(code,{lang})', 'a.js')[0]?.library).toBe('Shiki');
    expect(scanCode('const t={name:"github-dark",tokenColors:[]}', 'b.js')[0]?.label).toBe(
      'a TextMate theme (tokenColors)',
    );
    expect(scanCode('{"scopeName":"source.sql","patterns":[]}', 'c.js')[0]?.label).toBe(
      'a TextMate grammar (scopeName)',
    );
  });

  it('leaves other WebAssembly loaders alone (Pagefind also has a loadWasm)', () => {
    expect(scanCode('async function loadWasm(url){return WebAssembly.instantiate(await fetch(url))}', 'pf.js')).toEqual(
      [],
    );
    expect(scanCode('new OnigScanner(patterns)', 'hl.js')[0]?.label).toBe('Oniguruma engine');
  });

  it('leaves ordinary page scripts alone, even when they mention the words', () => {
    const theme = `document.documentElement.dataset.theme = localStorage.getItem('cde-theme');
      // Diagrams come from mermaid at build time; code from shiki.
      document.querySelectorAll('.cde-figure').forEach((figure) => figure.classList.add('ready'));`;
    expect(scanCode(theme, 'theme.js')).toEqual([]);
  });
});

describe('scanning a build output', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('looks in JS files, inline scripts and WebAssembly, and names where', async () => {
    const dist = await mkdtemp(join(tmpdir(), 'cde-forbidden-'));
    dirs.push(dist);
    await mkdir(join(dist, '_astro'));
    await writeFile(join(dist, '_astro', 'clean.js'), 'export const a = 1;');
    await writeFile(join(dist, '_astro', 'mermaid.core.js'), 'export default {mermaidAPI:{}}');
    await writeFile(join(dist, '_astro', 'onig.wasm'), new Uint8Array([0, 97, 115, 109]));
    await writeFile(
      join(dist, 'index.html'),
      '<!doctype html><title>x</title><script>var t=[];</script><script type="module">hl.codeToTokens(s)</script>',
    );
    expect(await scanDist(dist)).toEqual([
      { where: '_astro/mermaid.core.js', library: 'Mermaid', label: 'mermaidAPI' },
      { where: '_astro/onig.wasm', library: 'Shiki', label: 'Oniguruma WebAssembly' },
      { where: 'index.html#inline-script-2', library: 'Shiki', label: 'codeToTokens' },
    ]);
  });
});
