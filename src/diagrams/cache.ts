/**
 * The committed, content-addressed diagram cache: `content/diagram-cache/<sha256>.svg`, where the
 * key covers the diagram source, the Mermaid configuration, the Mermaid version and the renderer
 * version (mermaid-config.ts), plus `manifest.json` (written by `npm run diagrams`) saying what uses
 * each entry.
 *
 * createCachedRenderer() serves hits from disk and renders misses in Chromium, batching the misses
 * that arrive close together (Astro compiles MDX files concurrently) into one render call on one
 * browser page. A build with every diagram cached never imports Playwright.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { diagramKey, mermaidVersion } from './mermaid-config.ts';
import type { DiagramRenderer, RenderRequest, RenderResult } from './renderer.ts';

export const DEFAULT_CACHE_DIR = 'content/diagram-cache';
export const MANIFEST_FILE = 'manifest.json';
const ENTRY_PATTERN = /^([0-9a-f]{64})\.svg$/;

export interface ManifestEntry {
  /** The figure id(s) the entry renders. */
  figures: string[];
  /** Files (relative to the project) whose diagrams use the entry. */
  usedBy: string[];
}

export interface Manifest {
  mermaid: string;
  renderer: number;
  entries: Record<string, ManifestEntry>;
}

/** The cache directory: plain files, nothing else. */
export class DiagramCache {
  readonly dir: string;

  constructor(dir: string = path.resolve(DEFAULT_CACHE_DIR)) {
    this.dir = dir;
  }

  entryPath(key: string): string {
    return path.join(this.dir, `${key}.svg`);
  }

  read(key: string): string | undefined {
    const file = this.entryPath(key);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  }

  /** Writes through a temporary file, so a concurrent reader never sees half an entry. */
  write(key: string, svg: string): void {
    mkdirSync(this.dir, { recursive: true });
    const temporary = `${this.entryPath(key)}.${process.pid}.tmp`;
    writeFileSync(temporary, svg);
    renameSync(temporary, this.entryPath(key));
  }

  remove(key: string): void {
    unlinkSync(this.entryPath(key));
  }

  /** Keys of every entry on disk, sorted. */
  keys(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .map((name) => ENTRY_PATTERN.exec(name)?.[1])
      .filter((key): key is string => key !== undefined)
      .sort();
  }

  readManifest(): Manifest | undefined {
    const file = path.join(this.dir, MANIFEST_FILE);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : undefined;
  }

  writeManifest(manifest: Manifest): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(path.join(this.dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  }
}

export interface CachedRendererOptions {
  cache: DiagramCache;
  /** Creates the renderer for misses, on the first miss only. */
  backend: () => Promise<DiagramRenderer>;
  /** Mermaid version for the keys; read from node_modules by default. */
  mermaidVersion?: string;
  /** How long to wait for more misses before rendering a batch. */
  batchDelayMs?: number;
}

interface Pending {
  key: string;
  request: RenderRequest;
  resolve: (result: RenderResult) => void;
  reject: (error: unknown) => void;
}

/** A DiagramRenderer that reads and fills the cache. Failed renders are never cached. */
export function createCachedRenderer(options: CachedRendererOptions): DiagramRenderer {
  const version = options.mermaidVersion ?? mermaidVersion();
  let backend: Promise<DiagramRenderer> | undefined;
  let pending: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;

  const flush = async (): Promise<void> => {
    timer = undefined;
    const batch = pending;
    pending = [];
    // The same diagram in several files renders once.
    const unique = batch.filter((item, index) => batch.findIndex((other) => other.key === item.key) === index);
    try {
      backend ??= options.backend();
      const results = await (await backend).render(unique.map((item) => item.request));
      const byKey = new Map<string, RenderResult>();
      for (const [index, item] of unique.entries()) {
        const result = results[index];
        if (!result) throw new Error(`The diagram renderer returned no result for ${item.request.origin}.`);
        if (result.ok) options.cache.write(item.key, result.svg);
        byKey.set(item.key, result);
      }
      for (const item of batch) {
        const result = byKey.get(item.key);
        if (result) item.resolve(result);
        else item.reject(new Error(`No render result for ${item.request.origin}.`));
      }
    } catch (error) {
      backend = undefined;
      const origins = batch.map((item) => `  ${item.request.origin} (cache key ${item.key.slice(0, 12)}…)`).join('\n');
      const reason = error instanceof Error ? error.message : String(error);
      const wrapped = new Error(
        `Could not render ${batch.length} diagram(s) missing from the diagram cache:\n${origins}\n${reason}`,
        {
          cause: error,
        },
      );
      for (const item of batch) item.reject(wrapped);
    }
  };

  return {
    render(requests) {
      return Promise.all(
        requests.map((request) => {
          const key = diagramKey(request.source, version);
          const svg = options.cache.read(key);
          if (svg !== undefined) return Promise.resolve<RenderResult>({ ok: true, svg });
          return new Promise<RenderResult>((resolve, reject) => {
            pending.push({ key, request, resolve, reject });
            timer ??= setTimeout(() => void flush(), options.batchDelayMs ?? 50);
          });
        }),
      );
    },
  };
}

let shared: DiagramRenderer | undefined;

/**
 * The renderer of a build: the committed cache in `content/diagram-cache`, misses rendered in one
 * Chromium session for the whole build (closed when idle).
 */
export function sharedCachedRenderer(): DiagramRenderer {
  shared ??= createCachedRenderer({
    cache: new DiagramCache(),
    backend: async () => (await import('./mermaid-chromium.ts')).createChromiumRenderer(),
  });
  return shared;
}
