import { createHash } from 'node:crypto';
import { defineConfig } from '@playwright/test';
import { findSystemChromium, SYSTEM_CHROMIUM_ARGS } from './e2e/support/chromium.ts';

/**
 * Ports for the two static servers: E2E_PORT, else derived from the checkout's path, so two
 * checkouts on one machine never test each other's build through a reused server.
 */
const port = Number(
  process.env['E2E_PORT'] ?? 20000 + (createHash('sha1').update(process.cwd()).digest().readUInt16BE(0) % 10000) * 2,
);

/** The two builds the suite checks: under `/` and under a nested base path (see package.json). */
export const TARGETS = [
  { name: 'root', dist: 'dist', base: '/', port },
  { name: 'nested', dist: 'dist-nested', base: '/nested/path/', port: port + 1 },
] as const;

const chromium = findSystemChromium();

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
    // A system Chromium when there is one (see scripts/ensure-browser.ts); else Playwright's own.
    launchOptions: chromium ? { executablePath: chromium, args: SYSTEM_CHROMIUM_ARGS } : {},
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
          ? ['**/portable.spec.ts', '**/bundle.spec.ts']
          : ['**/portable.spec.ts', '**/bundle.spec.ts', '**/a11y-chosen-theme.spec.ts', '**/bench-measures.spec.ts'],
      use: { baseURL: `http://127.0.0.1:${target.port}${target.base}` },
      metadata: { dist: target.dist, base: target.base },
    })),
    // The portable build (npm run build:portable): from file:// and under servers the tests start;
    // and the offline bundle of both builds.
    {
      name: 'portable',
      testMatch: /(portable|bundle)\.spec\.ts$/,
      use: { baseURL: `http://127.0.0.1:${port + 20001}/` },
      metadata: { dist: 'dist-portable' },
    },
  ],
  webServer: TARGETS.map((target) => ({
    command: `node scripts/serve.ts ${target.dist} --base ${target.base} --port ${target.port}`,
    url: `http://127.0.0.1:${target.port}${target.base}`,
    reuseExistingServer: !process.env['CI'],
    stdout: 'ignore',
  })),
});
