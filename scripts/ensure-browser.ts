/**
 * Makes sure the end-to-end tests have a Chromium before they start.
 *
 * A system Chromium wins (CHROMIUM_PATH, or Debian's /usr/bin/chromium): CI machines here have no
 * internet beyond package registries, so Playwright could not download its own build anyway.
 * On an ordinary machine without one, this installs Playwright's own Chromium, so `npm test` on
 * a fresh clone needs no other step.
 */
import { execFileSync } from 'node:child_process';
import { findSystemChromium } from '../e2e/support/chromium.ts';

const system = findSystemChromium();
if (system) {
  console.log(`Using the system Chromium at ${system}.`);
} else {
  console.log('No system Chromium found: installing Playwright’s Chromium (once).');
  execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
}
