/**
 * The committed cache matches the content: every diagram has an entry, no entry is unused, the
 * manifest is current, figure ids are unique. Fix any failure with `npm run diagrams`.
 */
import { describe, expect, it } from 'vitest';
import { DiagramCache } from '../../src/diagrams/cache.ts';
import { mermaidVersion } from '../../src/diagrams/mermaid-config.ts';
import { duplicateFigureIds, scanDiagrams } from '../../src/diagrams/scan.ts';
import { originsOf, planCache } from '../../scripts/lib/diagram-sync.ts';

const cache = new DiagramCache();
const diagrams = scanDiagrams();
const plan = planCache(diagrams, cache.keys(), mermaidVersion());
const HINT = 'run `npm run diagrams` and commit content/diagram-cache/';

describe('content/diagram-cache', () => {
  it('finds the diagram set', () => {
    expect(diagrams.filter((diagram) => diagram.file.startsWith('content/diagrams/')).length).toBeGreaterThanOrEqual(8);
  });

  it('has an entry for every diagram', () => {
    const missing = plan.missing.map((key) => `${key} (${originsOf(plan.used.get(key) ?? [])})`);
    expect(missing, `Diagrams missing from the cache: ${HINT}`).toEqual([]);
  });

  it('has no entry that nothing uses', () => {
    expect(plan.unused, `Unused cache entries: ${HINT}`).toEqual([]);
  });

  it('has a current manifest', () => {
    expect(cache.readManifest(), `Stale manifest: ${HINT}`).toEqual(plan.manifest);
  });

  it('has unique figure ids across the articles', () => {
    const duplicates = [...duplicateFigureIds(diagrams)].map(([id, uses]) => `${id}: ${originsOf(uses)}`);
    expect(duplicates).toEqual([]);
  });

  it('has an accTitle and accDescr on every diagram of the set', () => {
    const incomplete = diagrams
      .filter((diagram) => !diagram.title || !diagram.description)
      .map((diagram) => diagram.file);
    expect(incomplete).toEqual([]);
  });
});
