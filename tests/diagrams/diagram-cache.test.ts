import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiagramCache, createCachedRenderer } from '../../src/diagrams/cache.ts';
import { diagramKey } from '../../src/diagrams/mermaid-config.ts';
import { BROKEN_LINE_3, CACHED_SVG, PRIMARY_TWO_REPLICAS, fakeRenderer } from './fixtures.ts';

const VERSION = '12.3.0';
let dir: string;
let cache: DiagramCache;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cde-diagram-cache-'));
  cache = new DiagramCache(dir);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const request = (source: string, origin = 'a.mdx:1') => ({ source, origin });

describe('createCachedRenderer', () => {
  it('answers a cached diagram from disk without starting the backend', async () => {
    cache.write(diagramKey(PRIMARY_TWO_REPLICAS, VERSION), '<svg>cached</svg>');
    let started = 0;
    const renderer = createCachedRenderer({
      cache,
      mermaidVersion: VERSION,
      backend: async () => (started++, fakeRenderer()),
    });
    expect(await renderer.render([request(PRIMARY_TWO_REPLICAS)])).toEqual([{ ok: true, svg: '<svg>cached</svg>' }]);
    expect(started).toBe(0);
  });

  it('renders a miss, stores it under its key, and serves it from the cache afterwards', async () => {
    const backend = fakeRenderer();
    const renderer = createCachedRenderer({ cache, mermaidVersion: VERSION, backend: async () => backend });
    await renderer.render([request(PRIMARY_TWO_REPLICAS)]);
    await renderer.render([request(PRIMARY_TWO_REPLICAS)]);
    expect(cache.read(diagramKey(PRIMARY_TWO_REPLICAS, VERSION))).toBe(CACHED_SVG);
    expect(backend.calls).toHaveLength(1);
  });

  it('batches the misses of files compiled concurrently into one backend call, duplicates once', async () => {
    const backend = fakeRenderer();
    const renderer = createCachedRenderer({ cache, mermaidVersion: VERSION, backend: async () => backend });
    const other = PRIMARY_TWO_REPLICAS.replace('Replica 2', 'Replica two');
    await Promise.all([
      renderer.render([request(PRIMARY_TWO_REPLICAS, 'a.mdx:3')]),
      renderer.render([request(other, 'b.mdx:7'), request(PRIMARY_TWO_REPLICAS, 'b.mdx:20')]),
    ]);
    expect(backend.calls.map((call) => call.map((item) => item.origin))).toEqual([['a.mdx:3', 'b.mdx:7']]);
  });

  it('never caches a diagram Mermaid refused', async () => {
    const backend = fakeRenderer({ [BROKEN_LINE_3]: { message: 'Parse error', line: 4 } });
    const renderer = createCachedRenderer({ cache, mermaidVersion: VERSION, backend: async () => backend });
    expect(await renderer.render([request(BROKEN_LINE_3)])).toEqual([{ ok: false, message: 'Parse error', line: 4 }]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names every missing diagram when the backend cannot start', async () => {
    const renderer = createCachedRenderer({
      cache,
      mermaidVersion: VERSION,
      backend: async () => {
        throw new Error('No Chromium found to render Mermaid diagrams.');
      },
    });
    const key = diagramKey(PRIMARY_TWO_REPLICAS, VERSION).slice(0, 12);
    await expect(renderer.render([request(PRIMARY_TWO_REPLICAS, 'content/articles/a.mdx:12')])).rejects.toThrow(
      `Could not render 1 diagram(s) missing from the diagram cache:\n  content/articles/a.mdx:12 (cache key ${key}…)\nNo Chromium found to render Mermaid diagrams.`,
    );
  });
});

describe('diagramKey', () => {
  it('ignores trailing whitespace and line endings', () => {
    expect(diagramKey('flowchart LR  \r\n  A-->B\n\n', VERSION)).toBe(diagramKey('flowchart LR\n  A-->B', VERSION));
  });

  it('changes with the Mermaid version', () => {
    expect(diagramKey('flowchart LR', '12.3.0')).not.toBe(diagramKey('flowchart LR', '12.4.0'));
  });

  it('changes with the source', () => {
    expect(diagramKey('flowchart LR\n A-->B', VERSION)).not.toBe(diagramKey('flowchart LR\n A-->C', VERSION));
  });
});

describe('DiagramCache', () => {
  it('lists only entry files, sorted', () => {
    cache.write('b'.repeat(64), 'x');
    cache.write('a'.repeat(64), 'y');
    cache.writeManifest({ mermaid: VERSION, renderer: 1, entries: {} });
    expect(cache.keys()).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
  });
});
