/**
 * Makes sure there is a Chromium for the diagram renderer, the browser tests and the benchmark,
 * found by the one lookup they all use (src/diagrams/chromium.ts). When there is none it installs one:
 * Debian's `chromium` package as root on Debian (machines whose only network is a package
 * registry cannot download Playwright's), otherwise Playwright's own. When that fails too, it
 * stops with one sentence that says what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { locateChromium, NO_CHROMIUM_HINT } from '../src/diagrams/chromium.ts';
import { planBrowserInstall } from './lib/browser-plan.ts';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  try {
    execFileSync(command, args, { stdio: 'inherit', env });
    return true;
  } catch {
    return false;
  }
}

const found = await locateChromium();
if (found) {
  console.log(`Chromium: ${found}`);
} else {
  const plan = planBrowserInstall({
    platform: process.platform,
    uid: process.getuid?.(),
    osRelease: existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '',
  });
  if (plan === 'debian-package') {
    console.log('No Chromium found: installing Debian’s chromium package.');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], env);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], env);
  } else {
    console.log('No Chromium found: installing Playwright’s Chromium (once).');
    run('npx', ['playwright', 'install', 'chromium']);
  }
  const installed = await locateChromium();
  if (!installed) {
    console.error(`No Chromium could be found or installed. ${NO_CHROMIUM_HINT}`);
    process.exit(1);
  }
  console.log(`Chromium: ${installed}`);
}
