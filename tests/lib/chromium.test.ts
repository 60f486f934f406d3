import { describe, expect, it } from 'vitest';
import { findChromium, NO_CHROMIUM_HINT } from '../../src/diagrams/chromium.ts';

const exists = (present: string[]) => (file: string) => present.includes(file);

describe('findChromium', () => {
  it('prefers CHROMIUM_PATH over every other browser', () => {
    const found = findChromium({
      env: { CHROMIUM_PATH: '/opt/chrome' },
      playwrightPath: '/pw/chrome',
      exists: exists(['/opt/chrome', '/pw/chrome', '/usr/bin/chromium']),
    });
    expect(found).toBe('/opt/chrome');
  });

  it('refuses a CHROMIUM_PATH that names nothing, rather than starting another browser', () => {
    expect(() => findChromium({ env: { CHROMIUM_PATH: '/missing' }, exists: exists(['/usr/bin/chromium']) })).toThrow(
      `CHROMIUM_PATH=/missing does not exist. ${NO_CHROMIUM_HINT}`,
    );
  });

  it('then takes the system Chromium, even when Playwright has its own', () => {
    const found = findChromium({
      env: {},
      playwrightPath: '/pw/chrome',
      exists: exists(['/pw/chrome', '/usr/bin/chromium']),
    });
    expect(found).toBe('/usr/bin/chromium');
  });

  it('takes Ubuntu’s chromium-browser as a system Chromium', () => {
    expect(findChromium({ env: {}, exists: exists(['/usr/bin/chromium-browser']) })).toBe('/usr/bin/chromium-browser');
  });

  it('then falls back to the browser Playwright installed', () => {
    expect(findChromium({ env: {}, playwrightPath: '/pw/chrome', exists: exists(['/pw/chrome']) })).toBe('/pw/chrome');
  });

  it('finds nothing when Playwright’s browser is not installed either', () => {
    expect(findChromium({ env: {}, playwrightPath: '/pw/chrome', exists: exists([]) })).toBeUndefined();
  });
});
