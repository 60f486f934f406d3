import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import ConfigFile from '../../../src/components/ConfigFile.astro';
import RedisFigure from '../../../src/components/RedisFigure.astro';
import RedisTranscript from '../../../src/components/RedisTranscript.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const request = new Request('http://localhost/articles/lab-redis/');

describe('the Redis lab on the page', () => {
  it('shows a redis.conf excerpt highlighted as shell words, with its real line numbers', async () => {
    const html = await container.renderToString(ConfigFile, {
      props: { path: 'lab/redis/replication/redis1.conf', marker: 'announce' },
      request,
    });
    expect(html).toContain('<code>lab/redis/replication/redis1.conf</code>');
    // The directive is coloured as a command, its address as a number; comments as comments.
    expect(html).toContain(
      '<span class="line" data-line="33"><span class="cde-t-orange">replica-announce-ip</span><span class="cde-t-blue"> 127.0.0.41</span></span>',
    );
    expect(html).toMatch(/<span class="cde-t-grey"># The address this server gives others/);
    expect(html).not.toContain('style=');
    expect(html).toMatch(/href="\/lab\/redis\/replication\/redis1\.conf"[^>]*download="redis1\.conf"/);
  });

  it('renders a measured figure as text, from bench-results/redis.json', async () => {
    const html = await container.renderToString(RedisFigure, { props: { name: 'version' }, request });
    expect(html.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('fails the build for an unknown figure', async () => {
    await expect(container.renderToString(RedisFigure, { props: { name: 'nope' }, request })).rejects.toThrow(
      /^<RedisFigure name="nope">: no such figure\./,
    );
  });

  it('renders a transcript as a captioned, keyboard-scrollable console block', async () => {
    const html = await container.renderToString(RedisTranscript, {
      props: { name: 'hash-tags', caption: 'Hash tags put keys in one slot.' },
      request,
    });
    expect(html).toMatch(
      /<figure class="cde-transcript"[^>]*><pre tabindex="0"><code>\$ redis-cli -h 127\.0\.0\.61 -p 6379 CLUSTER KEYSLOT/,
    );
    expect(html).toContain('CROSSSLOT');
    expect(html).toMatch(/<figcaption[^>]*>Hash tags put keys in one slot\.<\/figcaption>/);
  });
});
