import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import ConfigFile from '../../src/components/ConfigFile.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const request = new Request('http://localhost/articles/lab-patroni-etcd/');
const render = (props: Record<string, unknown>) => container.renderToString(ConfigFile, { props, request });

describe('ConfigFile', () => {
  it('renders a highlighted excerpt by marker, with real line numbers and no marker lines', async () => {
    const html = await render({
      path: 'lab/patroni/node1.yml',
      marker: 'timing',
      highlight: '52',
      annotations: { 55: 'Seconds between HA loops.' },
    });
    expect(html).toContain('<code>lab/patroni/node1.yml</code><span class="cde-config__range">lines 50–60</span>');
    expect(html).not.toContain('[start:timing]');
    // Token colours are palette classes (both themes in the stylesheet), never style attributes.
    expect(html).toContain('<span class="cde-t-green">    loop_wait</span>: <span class="cde-t-blue">10</span>');
    expect(html).not.toContain('style=');
    expect(html).toMatch(/<span class="line cde-config__hl" data-line="52">/);
    expect(html).toContain('<span class="cde-config__note">Seconds between HA loops.</span>');
    const lines = [...html.matchAll(/data-line="(\d+)"/g)].map((m) => Number(m[1]));
    expect(lines[0]).toBe(50);
    expect(lines).toContain(55);
  });

  it('links the download to the file under the base path and ships a hidden copy button', async () => {
    const html = await render({ path: 'lab/haproxy/haproxy.cfg', lines: '1-5' });
    expect(html).toMatch(
      /<a class="cde-config__download"[^>]*href="\/lab\/haproxy\/haproxy\.cfg"[^>]*download="haproxy\.cfg"/,
    );
    expect(html).toMatch(/<cde-copy-button[^>]*><button type="button" hidden[^>]*>Copy/);
    expect(html).toMatch(/<span class="cde-sr-only" role="status"/);
    // The copy button copies the shown lines; the page holds no second copy of the text.
    expect(html).not.toContain('<template');
  });

  it('fails the build for a missing file, naming the article', async () => {
    await expect(render({ path: 'lab/patroni/node4.yml' })).rejects.toThrow(
      /^content\/articles\/lab-patroni-etcd\.mdx: <ConfigFile path="lab\/patroni\/node4\.yml">: content\/lab\/patroni\/node4\.yml does not exist\. Fix: use one of: /,
    );
  });

  it('fails the build for an unknown marker', async () => {
    await expect(render({ path: 'lab/etcd/etcd1.yml', marker: 'nope' })).rejects.toThrow(
      'content/articles/lab-patroni-etcd.mdx: <ConfigFile path="lab/etcd/etcd1.yml" marker="nope">: there is no marker "nope" in lab/etcd/etcd1.yml. Its markers are: identity, urls, bootstrap, timing, api.',
    );
  });

  it("names the article's line when the tag carries it (added by remark-component-lines)", async () => {
    await expect(
      render({ path: 'lab/etcd/etcd1.yml', marker: 'nope', authoredAt: 'content/articles/lab-patroni-etcd.mdx:57' }),
    ).rejects.toThrow(
      'content/articles/lab-patroni-etcd.mdx:57: <ConfigFile path="lab/etcd/etcd1.yml" marker="nope">: there is no marker "nope" in lab/etcd/etcd1.yml. Its markers are: identity, urls, bootstrap, timing, api.',
    );
  });
});
