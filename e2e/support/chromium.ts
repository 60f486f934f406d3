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

/**
 * Flags for a system Chromium here: root needs --no-sandbox, and the rest stop it from dialling
 * out to Google's services, which this machine's closed network refuses (noisy and slow).
 */
export const SYSTEM_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
