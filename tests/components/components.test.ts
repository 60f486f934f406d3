import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Aside from '../../src/components/Aside.astro';
import ClaimMeasured from '../../src/components/ClaimMeasured.astro';
import PrevNext from '../../src/components/PrevNext.astro';
import TableOfContents from '../../src/components/TableOfContents.astro';
import VersionChecks from '../../src/components/VersionChecks.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

describe('Aside', () => {
  it('renders a labelled aside with the default title for its type', async () => {
    const html = await container.renderToString(Aside, { props: { type: 'tip' }, slots: { default: 'Body text' } });
    expect(html).toMatch(/<aside class="cde-aside cde-aside--tip"[^>]*aria-label="Tip"/);
    expect(html).toContain('Body text');
  });

  it('uses the given title', async () => {
    const html = await container.renderToString(Aside, { props: { title: 'A common mistake', type: 'caution' } });
    expect(html).toContain('aria-label="A common mistake"');
  });

  it('refuses an unknown type with a hint', async () => {
    await expect(container.renderToString(Aside, { props: { type: 'warning' } })).rejects.toThrow(
      '<Aside type="warning">: unknown type. Use one of: note, tip, caution, danger.',
    );
  });
});

describe('TableOfContents', () => {
  it('nests h3 entries under their h2 and skips other levels', async () => {
    const headings = [
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'a-1', text: 'A.1' },
      { depth: 4, slug: 'deep', text: 'Deep' },
      { depth: 2, slug: 'b', text: 'B' },
    ];
    const html = await container.renderToString(TableOfContents, { props: { headings } });
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
    expect(links).toEqual(['a', 'a-1', 'b']);
    expect(html).toMatch(/<a href="#a"[^>]*>A<\/a><ol[^>]*><li[^>]*><a href="#a-1"/);
  });

  it('renders nothing for an article without sections', async () => {
    const html = await container.renderToString(TableOfContents, { props: { headings: [] } });
    // The component's script tag is emitted with it (it does nothing without a TOC); no markup is.
    expect(html.replace(/<script[^>]*><\/script>/g, '').trim()).toBe('');
  });
});

describe('PrevNext', () => {
  it('links the neighbours with rel=prev and rel=next', async () => {
    const html = await container.renderToString(PrevNext, {
      props: { previous: { id: 'a', title: 'Article A' }, next: { id: 'b', title: 'Article B' } },
    });
    expect(html).toMatch(/rel="prev" href="\/articles\/a\/"/);
    expect(html).toMatch(/rel="next" href="\/articles\/b\/"/);
  });

  it('renders only the neighbour that exists', async () => {
    const html = await container.renderToString(PrevNext, {
      props: { previous: undefined, next: { id: 'b', title: 'B' } },
    });
    expect(html).not.toContain('rel="prev"');
    expect(html).toContain('rel="next"');
  });
});

describe('VersionChecks', () => {
  const checks = [{ system: 'etcd', versions: '3.6', basis: 'documented' as const }];

  it('shows the versions and links the article\'s "On newer versions" section when there is one', async () => {
    const html = await container.renderToString(VersionChecks, { props: { checks, newerId: 'on-newer-versions' } });
    expect(html).toContain('Versions: checked against the documentation of etcd 3.6.');
    expect(html).toMatch(/<a href="#on-newer-versions"[^>]*>What differs in newer versions<\/a>/);
  });

  it('links the section on another page for a page that is not an article', async () => {
    const newerHref = '/articles/failover-and-split-brain/#on-newer-versions';
    const html = await container.renderToString(VersionChecks, { props: { checks, newerHref } });
    expect(html).toMatch(
      /<a href="\/articles\/failover-and-split-brain\/#on-newer-versions"[^>]*>What differs in newer versions<\/a>/,
    );
  });

  it('renders nothing for an article that lists no versions', async () => {
    const html = await container.renderToString(VersionChecks, { props: { checks: [] } });
    expect(html.trim()).toBe('');
  });
});

describe('ClaimMeasured', () => {
  it('links the claim to its box, with the tally read from the fault results', async () => {
    const html = await container.renderToString(ClaimMeasured, { props: { claim: 'self-fencing' } });
    expect(html).toMatch(
      /^<a class="cde-claim-measured" href="\/articles\/failover-and-split-brain\/#claim-self-fencing" data-cde-measurement>\(measured: (held|contradicted) in \d+ of \d+ fault scenarios that test it\)<\/a>$/,
    );
  });

  it('refuses a claim no scenario checked, naming the known ones', async () => {
    await expect(container.renderToString(ClaimMeasured, { props: { claim: 'no-such-claim' } })).rejects.toThrow(
      /^<ClaimMeasured claim="no-such-claim">: no scenario in bench-results\/faults\.json checks this claim; known claims: no-split-brain, self-fencing, /,
    );
  });
});
