/**
 * Which Chromium the build's diagram renderer, the e2e suite and the benchmark start: one lookup,
 * one precedence, so the build and the tests can never run different browsers.
 *
 * 1. `CHROMIUM_PATH`, when set (an error if it names nothing);
 * 2. a system Chromium (Debian's `/usr/bin/chromium`, Ubuntu's older `chromium-browser`): on
 *    machines whose only network is a package registry it is the one that can be installed;
 * 3. the browser Playwright installed itself (`npx playwright install chromium`), the usual one on
 *    a laptop with internet.
 *
 * `scripts/ensure-browser.ts` installs one when this finds none.
 */
import { existsSync } from 'node:fs';

/** Where Debian and Ubuntu put their Chromium. */
export const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'] as const;

/**
 * Flags for every Chromium this project starts. Root needs --no-sandbox; the rest stop it from
 * dialling out to Google's services, which a closed network refuses (noisy and slow).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** What to do when no Chromium is found, in one sentence. */
export const NO_CHROMIUM_HINT =
  'Install Chromium (Debian: `apt-get install chromium`; elsewhere `npx playwright install chromium`) ' +
  'or set CHROMIUM_PATH to a Chromium or Chrome binary.';

/** Where the lookup may look; every part injectable so tests need no browser. */
export interface ChromiumLookup {
  env?: Record<string, string | undefined>;
  /** The executable Playwright would start, whether or not it is installed. */
  playwrightPath?: string | undefined;
  exists?: (path: string) => boolean;
}

/** The Chromium to start, by the precedence above; undefined when there is none. */
export function findChromium({ env = process.env, playwrightPath, exists = existsSync }: ChromiumLookup = {}):
  string | undefined {
  const fromEnv = env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (!exists(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist. ${NO_CHROMIUM_HINT}`);
    return fromEnv;
  }
  return [...SYSTEM_CHROMIUM_PATHS, playwrightPath].find((path): path is string => !!path && exists(path));
}

/** The executable Playwright would start; undefined when playwright-core cannot say. */
export async function playwrightChromiumPath(): Promise<string | undefined> {
  try {
    const { chromium } = await import('playwright-core');
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** `findChromium` with Playwright's own browser among the candidates. */
export async function locateChromium(
  env: Record<string, string | undefined> = process.env,
): Promise<string | undefined> {
  return findChromium({ env, playwrightPath: await playwrightChromiumPath() });
}
