import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The repository's own ESLint configuration, applied to small named fixtures as if they were files
// of src/client/ or src/islands/: the rule that keeps build-time code out of readers' browsers.
const eslint = new ESLint({ cwd: process.cwd() });

const FIX =
  'Fix: do this work at build time and hand the result to the page (HTML, data-* attributes), or move the code out of src/client/ and src/islands/.';

async function importProblems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

const restricted = (specifier: string, why: string): string =>
  `no-restricted-imports: '${specifier}' import is restricted from being used by a pattern. ${why} ${FIX}`;

describe('the browser boundary (ESLint, src/client/ and src/islands/)', () => {
  it("refuses Node's built-in modules, with or without node:", async () => {
    const why = "Browser code cannot use Node's built-in modules: they do not exist in a browser.";
    expect(await importProblems("export { readFile } from 'node:fs/promises';\n", 'src/client/fixture.ts')).toEqual([
      restricted('node:fs/promises', why),
    ]);
    expect(await importProblems("export { join } from 'path';\n", 'src/islands/fixture.ts')).toEqual([
      restricted('path', why),
    ]);
  });

  it('refuses build-time libraries: playwright-core, shiki, mermaid', async () => {
    const why = 'Browser code cannot import a build-time library: every reader would download it.';
    const code =
      "export { chromium } from 'playwright-core';\nexport { codeToHtml } from 'shiki';\nimport 'mermaid';\n";
    expect(await importProblems(code, 'src/islands/patroni-sim/fixture.ts')).toEqual([
      restricted('playwright-core', why),
      restricted('shiki', why),
      restricted('mermaid', why),
    ]);
  });

  it("refuses the build's own modules", async () => {
    const code = "export { cspFor } from '../postbuild/csp.ts';\n";
    expect(await importProblems(code, 'src/client/fixture.ts')).toEqual([
      restricted('../postbuild/csp.ts', 'Browser code cannot import a build-time module of src/.'),
    ]);
  });

  it("refuses the lab's file readers but lets the timing rules through", async () => {
    const code =
      "export { parseYaml } from '../../lab/parse-yaml.ts';\nexport { TIMING } from '../../lab/timing-rules.ts';\n";
    expect(await importProblems(code, 'src/islands/patroni-sim/fixture.ts')).toEqual([
      restricted(
        '../../lab/parse-yaml.ts',
        'Browser code can import only timing-rules.ts of src/lab/: the rest reads files.',
      ),
    ]);
  });

  it('lets browser code import browser code', async () => {
    expect(
      await importProblems(
        "export { onMountRequest } from '../../client/islands.ts';\n",
        'src/islands/quorum/fixture.ts',
      ),
    ).toEqual([]);
  });

  it('leaves build-time code alone', async () => {
    expect(await importProblems("export { readFile } from 'node:fs/promises';\n", 'src/postbuild/fixture.ts')).toEqual(
      [],
    );
  });
});
