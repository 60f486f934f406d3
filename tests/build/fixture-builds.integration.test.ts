import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const outDirs: string[] = [];

/** Builds a fixture site (tests/fixtures/sites/<name>) with the real src/ in a child process. */
async function buildFixture(name: string): Promise<{ ok: boolean; output: string; outDir: string }> {
  const outDir = await mkdtemp(join(tmpdir(), `cde-fixture-${name}-`));
  outDirs.push(outDir);
  const root = `tests/fixtures/sites/${name}`;
  // Astro keeps each entry's parsed frontmatter in the content store until the entry's file
  // changes; a change to the schema (an imported file) would otherwise meet data from an earlier
  // run. A fixture build is a first build.
  await rm(join(root, 'node_modules/.astro'), { recursive: true, force: true });
  try {
    const { stdout, stderr } = await run('npx', ['astro', 'build', '--root', root], {
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        OUT_DIR: outDir,
        BASE_PATH: '/',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { ok: true, output: stdout + stderr, outDir };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}`, outDir };
  }
}

afterAll(async () => {
  await Promise.all(outDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

// Real builds, one at a time: they are the proof that bad content stops the build.
describe('the build refuses bad content', () => {
  it('builds a valid fixture, with heading links and glossary terms', async () => {
    const result = await buildFixture('valid');
    expect(result.output).not.toMatch(/error/i);
    expect(result.ok).toBe(true);
    const html = await readFile(join(result.outDir, 'articles/valid/index.html'), 'utf8');
    expect(html).toContain('<h2 id="first-section">First section</h2>');
    expect(html).toContain('href="/glossary/#quorum"');
    // Typographic punctuation in prose (rehype-smart-punctuation, Astro's own SmartyPants is off).
    expect(html).toContain('The article’s “quotes” — typed straight — stay straight in <code>&quot;code&quot;</code>.');
    // The questions its sections explain (content/questions.yaml), listed by the layout.
    expect(html).toMatch(
      /<h2 id="cde-article-questions-title">Questions this article answers<\/h2>\s*<ul>\s*<li>\s*<a class="cde-question-link" href="\/questions\/#valid-fixture-question">Does the valid fixture’s article list the questions it answers\?<\/a>/,
    );
    const questions = await readFile(join(result.outDir, 'questions/index.html'), 'utf8');
    expect(questions).toContain('<h3 id="valid-fixture-question">');
    expect(questions).toContain('<a href="/articles/valid/#first-section">Valid fixture: First section</a>');
  });

  it('names the file and the field of broken frontmatter', async () => {
    const result = await buildFixture('broken-frontmatter');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('content/articles/broken.mdx');
    expect(result.output).toMatch(/sources\.0\.url.*must be an absolute http\(s\) URL/);
  });

  it('names the file and line of a link to a missing page', async () => {
    const result = await buildFixture('missing-page');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('content/articles/linking.mdx:20: /articles/not-written-yet/ (missing page)');
  });

  it('refuses a published heading renamed without an alias, naming the page, the anchor and the fix', async () => {
    const result = await buildFixture('renamed-heading');
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'Anchor removed: /articles/replication/#synchronous-replication is published (content/anchors.json) but no ' +
        'longer on the page. Links to it would break. Restore the id, or add "anchorAliases: { synchronous-replication: ' +
        '<new-id> }" to the frontmatter of content/articles/replication.mdx so the old link lands on the new place.',
    );
  });

  it('accepts the rename with an alias, and the old anchor lands on the new heading', async () => {
    const result = await buildFixture('renamed-heading-aliased');
    expect(result.output).not.toMatch(/error/i);
    expect(result.ok).toBe(true);
    const html = await readFile(join(result.outDir, 'articles/replication/index.html'), 'utf8');
    expect(html).toContain(
      '<h2 id="synchronous-commit"><span id="synchronous-replication" data-anchor-alias="synchronous-commit"></span>',
    );
  });

  it('keeps a moved page working with a redirect that carries the anchor along', async () => {
    const result = await buildFixture('moved-page');
    expect(result.output).not.toMatch(/error/i);
    expect(result.ok).toBe(true);
    const html = await readFile(join(result.outDir, 'articles/copies/index.html'), 'utf8');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/articles/replication/">');
    expect(html).toMatch(/location\.replace\(target \+ location\.hash\)/);
    expect(html).toContain('<a href="/articles/replication/">');
  });

  it('names the file and line of a link to a missing anchor', async () => {
    const result = await buildFixture('missing-anchor');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('content/articles/linking.mdx:20: /articles/target/#old-heading (missing anchor)');
  });

  it('names the article and the fix when a moved section points at a heading that does not exist', async () => {
    const result = await buildFixture('moved-section-missing');
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'content/articles/split.mdx: movedAnchors sends "second-section" to /articles/target/#second-section, but ' +
        '"target" has no heading or captioned figure with id "second-section". Use the id as it appears on the new ' +
        'page (#second-section there).',
    );
  });

  it('names content/questions.yaml and the line of each question that breaks the format', async () => {
    const result = await buildFixture('questions-invalid');
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      [
        '4 problem(s) in content/questions.yaml:',
        "  content/questions.yaml:8 (no-source): sources: list at least one primary source (the product's own docs, its source code or a paper)",
        '  content/questions.yaml:12 (no-asked-at): askedAt: is required: the https URL of the page where the question was asked (an issue, discussion or Q&A page)',
        '  content/questions.yaml:26 (short-answer): answer: must be at least 120 characters (has 30): answer the question, then say why',
        '  content/questions.yaml:33 (no-source): id: "no-source" is already the id of the question at line 2; ids are permanent anchors (/questions/#no-source), so give this question an id of its own',
        'The format of each question is in docs/QUESTIONS.md.',
      ].join('\n'),
    );
  });

  it('names content/questions.yaml and the line of an explaining link whose heading is gone', async () => {
    const result = await buildFixture('questions-dead-link');
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      '  content/questions.yaml:11 (points-at-a-renamed-heading): explainedBy: /articles/target/#old-heading (missing ' +
        'anchor): that article has no heading with this id: point explainedBy at the section that explains the ' +
        'answer, with the heading id as it appears after # in the article (or restore the heading)',
    );
  });
});
