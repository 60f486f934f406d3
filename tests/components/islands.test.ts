import { existsSync } from 'node:fs';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import FailoverSimulator from '../../src/components/FailoverSimulator.astro';
import QuorumCalculator from '../../src/components/QuorumCalculator.astro';
import { LAB_LIKE, withParams } from '../lib/patroni-sim/support.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

describe('FailoverSimulator', () => {
  it('renders a static figure, a sample run and the predicted window, with the live controls hidden', async () => {
    const html = await container.renderToString(FailoverSimulator, { props: { params: LAB_LIKE } });
    // data-island: the URL of the island's own bundle (here, as the dev server serves it).
    expect(html).toMatch(
      /<cde-failover-sim data-island="[^"]*\/src\/islands\/patroni-sim\/island\.ts\?[^"]*" data-params="[^"]+" data-seed="1" data-id="cde-sim">/,
    );
    expect(html).toMatch(
      /<svg class="cde-sim-svg"[^>]*role="img" aria-labelledby="cde-sim-static-title cde-sim-static-desc">/,
    );
    expect(html).toContain('A sample run: node1, the primary, crashes at t=5.0 s');
    expect(html).toMatch(/t=5\.0 s<\/span> node1 crashes: Patroni and PostgreSQL are killed at once\./);
    expect(html).toMatch(/node[23] has the least lag/);
    expect(html).toContain(
      'another node holds the leader key 20.0-31.0 s after the crash, and HAProxy sends writes to it 21.3-34.5 s after.',
    );
    expect(html).toMatch(/<div class="cde-sim__ui" data-ui hidden>/);
    expect(html).toContain(
      'Settings from the settings given to this figure: ttl 30 s, loop_wait 10 s, retry_timeout 10 s',
    );
  });

  it('passes its settings to the island and sizes the sliders from them', async () => {
    const params = withParams({ ttl: 100, loop_wait: 5, retry_timeout: 20 });
    const html = await container.renderToString(FailoverSimulator, { props: { params, seed: 9, idPrefix: 'x' } });
    const json = /data-params="([^"]+)"/.exec(html)?.[1]?.replaceAll('&quot;', '"') ?? '';
    expect(JSON.parse(json)).toEqual(params);
    expect(html).toMatch(/<input type="range" id="x-ttl" name="ttl" min="20" max="100" step="1" value="100"/);
    expect(html).toContain('data-seed="9"');
  });

  it('refuses settings Patroni rejects', async () => {
    await expect(
      container.renderToString(FailoverSimulator, { props: { params: withParams({ ttl: 25 }) } }),
    ).rejects.toThrow('loop_wait + 2 × retry_timeout = 10 + 2 × 10 = 30 is more than ttl = 25.');
  });

  it("reads the lab's files when they are there, else uses the programs' defaults", async () => {
    const html = (await container.renderToString(FailoverSimulator)).replaceAll('&#39;', "'");
    const origin = existsSync('content/lab/patroni')
      ? "Settings from the lab's configuration files (content/lab/patroni/"
      : "Settings from Patroni's, etcd's and HAProxy's defaults";
    expect(html).toContain(origin);
  });
});

describe('QuorumCalculator', () => {
  it('renders the table of sizes, and the form in its first state for readers with scripting', async () => {
    const html = await container.renderToString(QuorumCalculator, { props: { members: 5 } });
    const rows = [
      ...html.matchAll(
        /<tr data-members="(\d)"[^>]*><th scope="row"[^>]*>\d<\/th><td[^>]*>(\d)<\/td><td[^>]*>(\d)<\/td>/g,
      ),
    ];
    expect(rows.map((m) => m.slice(1).join('/'))).toEqual([
      '1/1/0',
      '2/2/0',
      '3/2/1',
      '4/3/1',
      '5/3/2',
      '6/4/2',
      '7/4/3',
      '8/5/3',
      '9/5/4',
    ]);
    expect(html).toMatch(/<div class="cde-quorum__form" data-form>/);
    expect(html).toMatch(/<option value="5" selected>5<\/option>/);
    expect(html).toMatch(
      /<cde-quorum-calculator data-island="[^"]*\/src\/islands\/quorum\/quorum-island\.ts\?[^"]*" data-majority="3">/,
    );
    // The island's first render: five members up, all in the majority, and the summary in words.
    expect(html.match(/class="cde-quorum__dot cde-quorum__dot--up cde-quorum__dot--majority"/g)).toHaveLength(5);
    expect(html).toMatch(/<span data-summary>A majority of 5 is 3\./);
  });

  it('refuses an impossible size', async () => {
    await expect(container.renderToString(QuorumCalculator, { props: { members: 12 } })).rejects.toThrow(
      '<QuorumCalculator members={12}>: choose 1 to 9 members.',
    );
  });
});
