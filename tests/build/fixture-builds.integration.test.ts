import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { FAILED_FILE, STAMP_FILE } from '../../src/postbuild/build-stamp.ts';

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

/** A failed build leaves BUILD-FAILED.txt and no build stamp in its output folder. */
async function expectMarkedFailed(outDir: string): Promise<void> {
  expect(await readFile(join(outDir, FAILED_FILE), 'utf8')).toMatch(/^The build that wrote this folder failed/);
  expect(existsSync(join(outDir, STAMP_FILE))).toBe(false);
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
    expect(existsSync(join(result.outDir, STAMP_FILE))).toBe(true);
    expect(existsSync(join(result.outDir, FAILED_FILE))).toBe(false);
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
    expect(result.output).toContain(
      '1 problem(s) in the frontmatter of content/articles/broken.mdx:\n' +
        '  content/articles/broken.mdx:13: sources.0.url: must be an absolute http(s) URL. Fix: see docs/AUTHORING.md, "Frontmatter".',
    );
    await expectMarkedFailed(result.outDir);
  });

  it('names the file and line of a link to a missing page', async () => {
    const result = await buildFixture('missing-page');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('content/articles/linking.mdx:20: /articles/not-written-yet/ (missing page)');
    // It failed after every page was written: the folder must not pass for a finished build.
    await expectMarkedFailed(result.outDir);
    expect(existsSync(join(result.outDir, 'articles/linking/index.html'))).toBe(true);
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

  it('names the file, the line and the fix when prose places a part of a figure where it is not drawn', async () => {
    const result = await buildFixture('figure-position-wrong');
    expect(result.ok).toBe(false);
    const fix = 'Describe it where it is drawn, name it without a position, or change the diagram.';
    expect(result.output).toContain(
      'content/articles/figure.mdx:33: "on the left" says "One server" is on the left of figure #fig-demo, but it is ' +
        `drawn in the top half. ${fix}\n` +
        'content/articles/figure.mdx:33: "on the right" says "A cluster" is ' +
        `on the right of figure #fig-demo, but it is drawn in the bottom half. ${fix}`,
    );
  });

  it('names the early use and the link when a page uses a term of its own glossary before linking it', async () => {
    const result = await buildFixture('term-before-link');
    expect(result.ok).toBe(false);
    const message = (term: string, id: string) =>
      `content/articles/terms.mdx:18: "${term}" is used here before the page links it to the glossary ` +
      `(<Term id="${id}"> at line 20). Link the first use instead: move the <Term id="${id}"> here, or reword this one.`;
    expect(result.output).toContain(message('quorum', 'quorum'));
    // The fixture's own glossary, not the real site's: the real one has no "flux capacitor".
    expect(result.output).toContain(message('flux capacitor', 'flux-capacitor'));
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

  // Each class of bad input below has unit fixtures for its every case; these builds prove that the
  // check runs in the real build and stops it, with the exact message and the failure marker.

  it('refuses a citation missing from sources in any link syntax, and links without a scheme or with javascript:, naming each line', async () => {
    const result = await buildFixture('uncited-source');
    expect(result.ok).toBe(false);
    const fix =
      "is cited but not listed in sources. Fix: add it to the frontmatter's sources (title and url), or cite the exact URL of a listed source.";
    expect(result.output).toContain(
      [
        `content/articles/citing.mdx:20: https://www.postgresql.org/docs/current/warm-standby.html ${fix}`,
        `content/articles/citing.mdx:22: https://raft.github.io/raft.pdf ${fix}`,
        `content/articles/citing.mdx:24: https://etcd.io/docs/v3.5/op-guide/configuration/ ${fix}`,
        `content/articles/citing.mdx:26: https://patroni.readthedocs.io/en/latest/yaml_configuration.html ${fix}`,
        'content/articles/citing.mdx:30: //raft.github.io/raft.pdf links to another site without its scheme, so ' +
          'opened from the disk (the portable build) it points at file://, and the sources check cannot see it. ' +
          "Fix: write the full https:// address and list it in the frontmatter's sources.",
        'content/articles/citing.mdx:32: javascript:alert(1) is a javascript: link, which readers cannot follow ' +
          'safely (an article links with https:, http:, mailto: or a path on this site). Fix: link to the page you ' +
          'mean, or write the text without a link.',
        `content/articles/citing.mdx:34: https://etcd.io/docs/v3.5/learning/ ${fix}`,
      ].join('\n'),
    );
    await expectMarkedFailed(result.outDir);
  });

  it('refuses a second glossary entry with an existing id instead of letting it replace the first', async () => {
    const result = await buildFixture('duplicate-glossary-id');
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'content/glossary.yaml:7: glossary id "quorum" is already the id of the entry at line 1. Fix: give each entry ' +
        'its own id (two entries with one id would replace each other on the glossary page and in every term ' +
        'preview); to keep an old link, list the old id in formerIds of one entry only.',
    );
    await expectMarkedFailed(result.outDir);
  });

  it('names the file and line of a trailing comma in content/redirects.json', async () => {
    const result = await buildFixture('redirects-trailing-comma');
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'content/redirects.json:3:47: a comma after the last entry, which JSON does not allow. Fix: remove that comma.',
    );
    await expectMarkedFailed(result.outDir);
  });

  it('refuses an article file name that is not its URL, one that would replace another article, and a .md file', async () => {
    const result = await buildFixture('article-file-names');
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      "2 problem(s) in the articles' file names:\n" +
        "content/articles/Valid Article.mdx: an article's file name is its URL, so it must be lower-case words " +
        'joined by "-". Fix: give it a name of its own (content/articles/valid-article.mdx has the URL it would get).\n' +
        'content/articles/notes.md: articles are MDX files, and this one would be left out. Fix: rename it to notes.mdx.',
    );
    await expectMarkedFailed(result.outDir);
  });

  it('names the line of a merge conflict left in content/anchors.json, and says to mend it by hand', async () => {
    const result = await buildFixture('anchors-merge-conflict');
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'content/anchors.json:4:1: a merge conflict marker (<<<<<<<) is left in the file. Fix: keep the entries of ' +
        'both sides, and remove the marker lines.',
    );
    await expectMarkedFailed(result.outDir);
  });

  it('refuses one figure id in two articles, so /diagrams/<id>.svg cannot serve the wrong diagram', async () => {
    const result = await buildFixture('duplicate-figure-id');
    expect(result.ok).toBe(false);
    // The second of the two articles to be rendered is the one named first; the build renders pages
    // concurrently, so either order is the same fault.
    const message = (later: string, earlier: string) =>
      `content/articles/${later}.mdx:20: figure id "fig-cluster-behind-load-balancer" is already used by ` +
      `content/articles/${earlier}.mdx:20. Fix: give this figure its own id="fig-…" (figure ids are unique on the ` +
      'site: /diagrams/fig-cluster-behind-load-balancer.svg can show only one diagram).';
    expect([message('second', 'first'), message('first', 'second')].some((m) => result.output.includes(m))).toBe(true);
    await expectMarkedFailed(result.outDir);
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
