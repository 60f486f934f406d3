/**
 * npm run diagrams: renders every diagram missing from content/diagram-cache/ (one Chromium session),
 * removes entries nothing uses, and rewrites the manifest. Commit the cache afterwards.
 * `npm run diagrams -- --check` only reports, and exits 1 when the cache is out of date.
 */
import { DiagramCache } from '../src/diagrams/cache.ts';
import { createChromiumRenderer } from '../src/diagrams/mermaid-chromium.ts';
import { mermaidVersion } from '../src/diagrams/mermaid-config.ts';
import { duplicateFigureIds, scanDiagrams } from '../src/diagrams/scan.ts';
import { originsOf, planCache } from './lib/diagram-sync.ts';

const checkOnly = process.argv.includes('--check');
const cache = new DiagramCache();
const diagrams = scanDiagrams();
const plan = planCache(diagrams, cache.keys(), mermaidVersion());

for (const [id, uses] of duplicateFigureIds(diagrams)) {
  console.error(`Figure id "${id}" is used more than once: ${originsOf(uses)}`);
  process.exitCode = 1;
}

if (checkOnly) {
  for (const key of plan.missing) console.error(`missing: ${key} (${originsOf(plan.used.get(key) ?? [])})`);
  for (const key of plan.unused) console.error(`unused: ${key}`);
  if (plan.missing.length > 0 || plan.unused.length > 0) process.exitCode = 1;
  console.log(`${plan.used.size} diagrams, ${plan.missing.length} missing, ${plan.unused.length} unused.`);
} else {
  if (plan.missing.length > 0) {
    const renderer = createChromiumRenderer();
    const started = performance.now();
    const requests = plan.missing.map((key) => {
      const [first] = plan.used.get(key) ?? [];
      if (!first) throw new Error(`No diagram for key ${key}.`);
      return { key, request: { source: first.source, origin: `${first.file}:${first.line}` } };
    });
    try {
      const results = await renderer.render(requests.map((item) => item.request));
      for (const [index, { key, request }] of requests.entries()) {
        const result = results[index];
        if (result?.ok) {
          cache.write(key, result.svg);
          console.log(`rendered ${request.origin} → ${key.slice(0, 12)}…`);
        } else {
          console.error(
            `${request.origin}: invalid Mermaid${result?.line ? ` (diagram line ${result.line})` : ''}: ${result?.message}`,
          );
          process.exitCode = 1;
        }
      }
    } finally {
      await renderer.close();
    }
    console.log(`Rendered ${plan.missing.length} diagram(s) in ${Math.round(performance.now() - started)} ms.`);
  }
  for (const key of plan.unused) {
    cache.remove(key);
    console.log(`pruned ${key.slice(0, 12)}…`);
  }
  cache.writeManifest(plan.manifest);
  console.log(`Cache: ${plan.used.size} diagrams, ${plan.missing.length} rendered, ${plan.unused.length} pruned.`);
}
