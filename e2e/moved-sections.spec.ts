import { expect, test } from './support/site.ts';

/**
 * The lab's run and failover sections moved to a second page (its `movedAnchors`). Links to their
 * old anchors must keep working: forwarded with JavaScript, a link to follow without.
 */
const OLD = 'articles/lab-patroni-etcd/';
const NEW = /\/articles\/lab-failover-and-switchover\/#/;

test('a link to a moved section goes on to its new page', async ({ page }) => {
  await page.goto(`${OLD}#crash-the-primary`);
  await expect(page).toHaveURL(new RegExp(`${NEW.source}crash-the-primary$`));
  await expect(page.getByRole('heading', { name: 'Crash the primary', level: 3 })).toBeInViewport();
});

test('a link to a moved figure goes on to the figure', async ({ page }) => {
  await page.goto(`${OLD}#fig-lab-failover-timeline`);
  await expect(page).toHaveURL(new RegExp(`${NEW.source}fig-lab-failover-timeline$`));
  await expect(page.locator('#fig-lab-failover-timeline')).toBeInViewport();
});

test('following a moved anchor from the page itself goes on too', async ({ page }) => {
  await page.goto(OLD);
  await page.evaluate(() => {
    location.hash = 'a-planned-switchover';
  });
  await expect(page).toHaveURL(new RegExp(`${NEW.source}a-planned-switchover$`));
});

test('the old page stays put when opened without a moved anchor', async ({ page }) => {
  await page.goto(`${OLD}#the-haproxy-file`);
  await expect(page.getByRole('heading', { name: 'The HAProxy file', level: 2 })).toBeInViewport();
  await expect(page).toHaveURL(/\/articles\/lab-patroni-etcd\/#the-haproxy-file$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a link to a moved section lands on a link to its new place', async ({ page }) => {
    await page.goto(`${OLD}#crash-the-primary`);
    const item = page.locator('li:target');
    await expect(item).toBeInViewport();
    await expect(page.locator('.cde-moved')).toContainText('To Lab: crash the primary, fail over, switch over:');
    await item.getByRole('link', { name: 'Crash the primary' }).click();
    await expect(page).toHaveURL(new RegExp(`${NEW.source}crash-the-primary$`));
    await expect(page.getByRole('heading', { name: 'Crash the primary', level: 3 })).toBeInViewport();
  });
});
