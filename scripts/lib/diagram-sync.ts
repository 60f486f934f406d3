/**
 * Compares the diagrams of the site with the cache: what is missing, what is unused, and the
 * manifest the cache should have. Shared by `npm run diagrams` and the cache check in `npm test`.
 */
import { RENDERER_VERSION, diagramKey } from '../../src/diagrams/mermaid-config.ts';
import type { FoundDiagram } from '../../src/diagrams/scan.ts';
import type { Manifest } from '../../src/diagrams/cache.ts';

export interface CachePlan {
  /** Every key the site needs, with the diagrams that need it. */
  used: Map<string, FoundDiagram[]>;
  /** Needed keys with no entry. */
  missing: string[];
  /** Entries nothing needs. */
  unused: string[];
  /** The manifest that matches `used`. */
  manifest: Manifest;
}

export function planCache(
  diagrams: readonly FoundDiagram[],
  cachedKeys: readonly string[],
  mermaid: string,
): CachePlan {
  const used = new Map<string, FoundDiagram[]>();
  for (const diagram of diagrams) {
    const key = diagramKey(diagram.source, mermaid);
    used.set(key, [...(used.get(key) ?? []), diagram]);
  }
  const cached = new Set(cachedKeys);
  const missing = [...used.keys()].filter((key) => !cached.has(key)).sort();
  const unused = cachedKeys.filter((key) => !used.has(key)).sort();
  const entries: Manifest['entries'] = {};
  for (const key of [...used.keys()].sort()) {
    const uses = used.get(key) ?? [];
    entries[key] = {
      figures: [...new Set(uses.map((use) => use.id))].sort(),
      usedBy: [...new Set(uses.map((use) => use.file))].sort(),
    };
  }
  return { used, missing, unused, manifest: { mermaid, renderer: RENDERER_VERSION, entries } };
}

/** `file:line` of each use of a key, for messages. */
export function originsOf(uses: readonly FoundDiagram[]): string {
  return uses.map((use) => `${use.file}:${use.line}`).join(', ');
}
