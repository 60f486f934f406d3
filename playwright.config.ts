import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, locateChromium } from './src/diagrams/chromium.ts';
import { TARGETS, targetUrl } from './e2e/support/targets.ts';

const chromium = await locateChromium();

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  // Generous: axe on a long article takes seconds, and CI machines have 2 cores.
  timeout: 60_000,
  // Search loads Pagefind's index and WebAssembly on first open: slow on a loaded 2-core machine.
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  workers: 2,
  reporter: process.env['CI'] ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    browserName: 'chromium',
    // The project's one Chromium lookup (src/diagrams/chromium.ts; scripts/ensure-browser.ts installs one).
    launchOptions: chromium ? { executablePath: chromium, args: CHROMIUM_ARGS } : {},
    trace: 'retain-on-failure',
    // The service worker precaches the whole site in the background of every page view; only
    // e2e/offline.spec.ts, which tests it, lets it register.
    serviceWorkers: 'block',
  },
  projects: [
    ...TARGETS.map((target) => ({
      name: target.name,
      // The portable build has a project of its own. Theme colours do not depend on the base path,
      // and the benchmark's measurements are checked on fixture pages of their own: root only.
      testIgnore:
        target.name === 'root'
          ? ['**/portable.spec.ts', '**/bundle.spec.ts', '**/hosting.spec.ts']
          : [
              '**/portable.spec.ts',
              '**/bundle.spec.ts',
              '**/hosting.spec.ts',
              '**/a11y-chosen-theme.spec.ts',
              '**/bench-measures.spec.ts',
            ],
      use: { baseURL: targetUrl(target) },
      metadata: { dist: target.dist, base: target.base },
    })),
    // The portable build (npm run build:portable): from file:// and under servers the tests start;
    // and the offline bundle of both builds.
    {
      name: 'portable',
      testMatch: /(portable|bundle)\.spec\.ts$/,
      metadata: { dist: 'dist-portable' },
    },
    // The bundle served by real nginx, Apache, Caddy, Python and serve, from HOSTING.md's recipes.
    { name: 'hosting', testMatch: /hosting\.spec\.ts$/ },
  ],
  // The servers of the target builds, on ports the OS chooses (see e2e/support/targets.ts).
  globalSetup: './e2e/support/global-setup.ts',
});
