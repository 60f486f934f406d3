import { existsSync } from 'node:fs';

/** Where Debian and Ubuntu put their Chromium. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The system Chromium to use: CHROMIUM_PATH if set, else a known path that exists. */
export function findSystemChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  const fromEnv = env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  return CANDIDATES.find((path) => existsSync(path));
}

export { SYSTEM_CHROMIUM_ARGS } from '../../src/diagrams/system-chromium.ts';
