import { describe, expect, it } from 'vitest';
import { scanDist } from '../../scripts/lib/forbidden-code.ts';
import { distOf, TARGETS } from './targets.ts';

describe.each(TARGETS)('browser code of the $name build', (target) => {
  it('ships no Mermaid and no Shiki: diagrams and highlighting happen at build time', async () => {
    const findings = await scanDist(distOf(target));
    const lines = findings.map((finding) => `${finding.where}: ${finding.library} (${finding.label})`);
    expect(lines, lines.join('\n')).toEqual([]);
  });
});
