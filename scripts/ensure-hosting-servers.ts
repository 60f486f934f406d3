/**
 * Makes sure the web servers e2e/hosting.spec.ts configures from HOSTING.md are installed: nginx,
 * Apache and Caddy from Debian's packages, as root on Debian (like Chromium, see
 * ensure-browser.ts), without starting them as services: the suite starts its own on loopback
 * ports. Elsewhere it says what is missing; the suite then skips those servers, except in CI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { planBrowserInstall } from './lib/browser-plan.ts';

const PACKAGES = { nginx: '/usr/sbin/nginx', apache2: '/usr/sbin/apache2', caddy: '/usr/bin/caddy' };

const missing = Object.entries(PACKAGES)
  .filter(([, binary]) => !existsSync(binary))
  .map(([name]) => name);
if (missing.length === 0) process.exit(0);

const debianRoot =
  planBrowserInstall({
    platform: process.platform,
    uid: process.getuid?.(),
    osRelease: existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '',
  }) === 'debian-package';
if (!debianRoot) {
  console.log(`Hosting tests: ${missing.join(', ')} not installed; those servers are skipped (install them to test).`);
  process.exit(0);
}

console.log(`Hosting tests: installing Debian's ${missing.join(', ')} (not started as services).`);
// policy-rc.d exit 101 tells the packages' scripts not to start their services.
const policy = '/usr/sbin/policy-rc.d';
const ownPolicy = !existsSync(policy);
if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
try {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
} finally {
  if (ownPolicy) rmSync(policy, { force: true });
}
