import { describe, expect, it } from 'vitest';
import { ChromiumStartError, chromiumStartMessage, MermaidPage } from '../../src/diagrams/mermaid-chromium.ts';

/** A Chromium that exists but cannot start: a real launch of a program that is not a browser. */
describe('a Chromium that exists but cannot start', () => {
  it('fails with one sentence of advice, not Astro’s hint about browser APIs', async () => {
    const failure = await MermaidPage.open('/bin/false').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ChromiumStartError);
    const message = (failure as Error).message;
    expect(message).toMatch(/^Chromium at \/bin\/false exists but could not start( \([^)]*\))?\. Fix: run /);
    expect(message).toContain(
      'Fix: run `/bin/false --headless --no-sandbox --dump-dom about:blank` to see why (often missing system ' +
        'libraries: on Debian, `apt-get install chromium` brings them), set CHROMIUM_PATH to a Chromium that starts, ' +
        'or run `npm run diagrams` where one does and commit content/diagram-cache/.',
    );
    // Astro adds its unrelated "Browser APIs are not available on the server" hint to any error that says these words.
    expect(String(failure)).not.toMatch(/document|window/);
  });

  it('keeps the reason when it is short and leaves out a launch log that would trigger Astro’s hint', () => {
    expect(
      chromiumStartMessage('/usr/bin/chromium', new Error('browserType.launch: Browser closed.\n==== log ====')),
    ).toMatch(/^Chromium at \/usr\/bin\/chromium exists but could not start \(Browser closed\)\. Fix: /);
    expect(chromiumStartMessage('/usr/bin/chromium', new Error('Failed to open a window'))).toMatch(
      /^Chromium at \/usr\/bin\/chromium exists but could not start\. Fix: /,
    );
  });
});
