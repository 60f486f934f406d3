import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Page, Response } from '@playwright/test';
import { expect, test } from './support/site.ts';

/** A page with both islands, the quorum calculator first, the simulator further down. */
const PAGE = 'interactive/';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
/** The simulator's whole JavaScript, gzipped, once it has loaded (its budget in docs/QUALITY.md). */
const SIMULATOR_BUDGET = 20 * 1024;

/** Every script the page fetched so far, by URL, with its gzipped size once loaded. */
function recordScripts(page: Page): Map<string, Promise<number>> {
  const scripts = new Map<string, Promise<number>>();
  page.on('response', (response: Response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.set(
      response.url(),
      response.body().then((body) => gzipSync(body, { level: 9 }).length),
    );
  });
  return scripts;
}

const fetched = (scripts: Map<string, Promise<number>>, pattern: RegExp) =>
  [...scripts.keys()].filter((url) => pattern.test(url));

async function openSimulator(page: Page): Promise<void> {
  await page.goto(PAGE);
  await page.locator('cde-failover-sim').scrollIntoViewIfNeeded();
  await expect(page.locator('cde-failover-sim')).toHaveAttribute('data-ready', 'true');
}

// The site has no favicon yet, and Chromium asks for /favicon.ico on its own; its 404 is not the islands' problem.
test.beforeEach(async ({ page }) => {
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
});

test.afterEach(({ pageProblems, offsiteRequests }) => {
  expect(pageProblems).toEqual([]);
  expect(offsiteRequests).toEqual([]);
});

test('each island loads its code only when it scrolls into view, within budget', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 500 });
  const scripts = recordScripts(page);
  await page.goto(PAGE);
  await page.waitForLoadState('networkidle');
  // Both islands start well below the fold (the loader starts 200 px early).
  for (const selector of ['cde-quorum-calculator', 'cde-failover-sim']) {
    const top = await page.locator(selector).evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(500 + 200);
  }
  expect(fetched(scripts, /quorum-island-|\/island-/)).toEqual([]);
  await expect(page.locator('cde-quorum-calculator')).not.toHaveAttribute('data-ready');

  await page.locator('cde-quorum-calculator').scrollIntoViewIfNeeded();
  await expect(page.locator('cde-quorum-calculator')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('.cde-quorum__form')).toBeVisible();
  expect(fetched(scripts, /quorum-island-/)).toHaveLength(1);
  expect(fetched(scripts, /\/island-/)).toEqual([]);
  await expect(page.locator('cde-failover-sim')).not.toHaveAttribute('data-ready');

  await page.locator('cde-failover-sim').scrollIntoViewIfNeeded();
  await expect(page.locator('cde-failover-sim')).toHaveAttribute('data-ready', 'true');
  expect(fetched(scripts, /\/island-/)).toHaveLength(1);
  // Each island's data-island names the very chunk it loaded (the budgets count it from there).
  for (const selector of ['cde-quorum-calculator', 'cde-failover-sim']) {
    const island = await page.locator(selector).getAttribute('data-island');
    expect([...scripts.keys()]).toContain(new URL(island ?? '', page.url()).href);
  }

  // The island's bundle, and the loader, written inline into the page (IslandLoader.astro).
  const [islandUrl] = fetched(scripts, /\/island-/);
  const island = (await scripts.get(islandUrl ?? '')) ?? Infinity;
  const loader = await page.evaluate(
    () =>
      [...document.querySelectorAll('script:not([src])')].find((s) => s.textContent?.includes('data-island'))
        ?.textContent,
  );
  expect(loader).toBeTruthy();
  const total = island + gzipSync(loader ?? '', { level: 9 }).length;
  console.log(`failover simulator JavaScript: ${total} bytes gzipped`);
  expect(total).toBeLessThanOrEqual(SIMULATOR_BUDGET);
});

test('the simulator is operated by keyboard, and its live region narrates', async ({ page }) => {
  await openSimulator(page);
  const live = page.locator('[data-live]');
  await expect(live).toHaveAttribute('aria-live', 'polite');

  // Tab order: the playback controls, then the breakdowns.
  await page.getByRole('button', { name: 'Play' }).focus();
  const order: string[] = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
  }
  expect(order.at(0)).toBe('Step 1 s');
  expect(order.at(-1)).toBe('Crash the primary');

  await page.keyboard.press('Enter');
  await expect(page.locator('[data-timeline]')).toContainText(
    'You crashed node1: Patroni and PostgreSQL are killed at once.',
  );
  await expect(live).toContainText('You crashed node1');
  await expect(page.getByRole('button', { name: 'Restart node1' })).toBeVisible();

  const step = page.getByRole('button', { name: 'Step 1 s' });
  await step.focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press(i % 2 === 0 ? 'Enter' : 'Space');
  await expect(live).toContainText(/Failover complete: node[23] held the leader key [\d.]+ s after node1 crashed/);
  await expect(page.locator('[data-window-text]')).toContainText(
    /This run: node[23] held the key [\d.]+ s after node1 crashed, and HAProxy followed after [\d.]+ s, inside the window\./,
  );
  await expect(page.locator('[data-status]')).toContainText(/writes go to node[23]/);

  // Play and pause with the keyboard.
  const play = page.getByRole('button', { name: 'Play' });
  await play.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Play' })).toBeFocused();
});

test('the sliders reject what Patroni rejects, visibly', async ({ page }) => {
  await openSimulator(page);
  const ttl = page.getByRole('slider', { name: 'ttl' });
  await ttl.focus();
  await page.keyboard.press('ArrowLeft');
  const problems = page.locator('[data-problems]');
  await expect(problems).toContainText(
    'Rejected, as Patroni would: loop_wait + 2 × retry_timeout = 10 + 2 × 10 = 30 is more than ttl = 29.',
  );
  await expect(ttl).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('[data-live]')).toContainText('Rejected, as Patroni would');
  await expect(page.locator('[data-window-text]')).toContainText('20.0-31.0 s');

  await page.keyboard.press('End');
  await expect(problems).toBeHidden();
  await expect(ttl).toHaveAttribute('aria-invalid', 'false');
  await expect(page.locator('[data-live]')).toContainText('New run with ttl 90 s, loop_wait 10 s, retry_timeout 10 s');
  await expect(page.locator('[data-window-text]')).toContainText(
    'another node holds the leader key 80.0-91.0 s after the crash',
  );
});

test('the quorum calculator answers by keyboard in its live region', async ({ page }) => {
  await page.goto(PAGE);
  await page.locator('cde-quorum-calculator').scrollIntoViewIfNeeded();
  const members = page.getByRole('combobox', { name: 'Members in the cluster' });
  await members.focus();
  await page.keyboard.press('ArrowDown');
  await expect(members).toHaveValue('4');
  await page.getByRole('radio', { name: /network splits/ }).check();
  const side = page.getByRole('combobox', { name: /Members up on side A/ });
  await side.selectOption('2');
  const output = page.locator('.cde-quorum output');
  await expect(output).toHaveAttribute('aria-live', 'polite');
  await expect(output).toContainText(
    'A majority of 4 is 3. Side A has 2 of 4 (no majority); side B has 2 of 4 (no majority). No side has a majority',
  );
  await expect(output).toContainText(
    '4 members tolerate 1 failure, no more than 3 members do, yet a majority needs 3 instead of 2',
  );
  await expect(page.locator('.cde-quorum tr[aria-current="true"] th')).toHaveText('4');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a sample run and the table explain the same', async ({ page }) => {
    await page.goto(PAGE);
    await expect(page.locator('.cde-sim__sample')).toContainText(
      /node1 crashes: Patroni and PostgreSQL are killed at once/,
    );
    await expect(page.locator('.cde-sim__sample')).toContainText(/takes the leader key/);
    await expect(page.getByRole('button', { name: 'Crash the primary' })).toBeHidden();
    await expect(page.getByRole('img', { name: /The cluster at t=/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Majority and tolerated failures by cluster size' })).toBeVisible();
    await expect(page.locator('.cde-quorum__form')).toBeHidden();
  });
});

/**
 * Crashes the primary, plays the run at 10× until the failover is complete, and counts how often the
 * live figure was redrawn meanwhile, the events the timeline gained, and the real seconds it took.
 */
async function playFailover(page: Page): Promise<{ redraws: number; events: number; seconds: number }> {
  await openSimulator(page);
  await page.locator('[data-speed]').selectOption('10');
  await page.getByRole('button', { name: 'Crash the primary' }).click();
  await page.evaluate(() => {
    const counts = { redraws: 0, events: 0, started: performance.now() };
    (window as unknown as { cdeCounts: typeof counts }).cdeCounts = counts;
    const sim = document.querySelector('cde-failover-sim') as Element;
    new MutationObserver(() => (counts.redraws += 1)).observe(sim.querySelector('[data-figure]') as Node, {
      childList: true,
    });
    new MutationObserver((records) => {
      for (const record of records) counts.events += record.addedNodes.length;
    }).observe(sim.querySelector('[data-timeline]') as Node, { childList: true });
  });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('cde-failover-sim [data-timeline]')).toContainText('Failover complete', {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Pause' }).click();
  return page.evaluate(() => {
    const { redraws, events, started } = (
      window as unknown as { cdeCounts: { redraws: number; events: number; started: number } }
    ).cdeCounts;
    return { redraws, events, seconds: (performance.now() - started) / 1000 };
  });
}

/** The most redraws a reduced-motion run may make: one a second, one per event, Play's and Pause's. */
const reducedBound = ({ events, seconds }: { events: number; seconds: number }): number =>
  Math.ceil(seconds) + events + 2;

test('with prefers-reduced-motion, the figure changes once a second or when something happens', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const run = await playFailover(page);
  expect(run.redraws).toBeLessThanOrEqual(reducedBound(run));
});

test('without the preference, the figure is redrawn ten times a second while it plays', async ({ page }) => {
  // The counterpart of the test above: a simulator that ignored the preference would draw like this.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const run = await playFailover(page);
  expect(run.redraws).toBeGreaterThan(reducedBound(run));
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing in the live islands, ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openSimulator(page);
    await page.locator('cde-quorum-calculator').scrollIntoViewIfNeeded();
    await expect(page.locator('.cde-quorum__form')).toBeVisible();
    // A state with everything on show: a failover under way, a rejected setting, a cut node.
    await page.getByRole('button', { name: 'Crash the primary' }).click();
    await page.getByRole('button', { name: 'Cut node3 off' }).click();
    await page.getByRole('button', { name: 'Stop etcd2' }).click();
    await page.getByRole('slider', { name: 'ttl' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('radio', { name: /network splits/ }).check();
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const summary = results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((node) => node.target).join(' | ')})`,
    );
    expect(summary).toEqual([]);
  });
}
