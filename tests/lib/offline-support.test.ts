import { describe, expect, it } from 'vitest';
import { canRunSearch, searchUnavailableMessage, shouldRegisterServiceWorker } from '../../src/lib/offline-support.ts';

describe('what a page can do where it was opened', () => {
  it.each([
    ['https:', true],
    ['http:', true],
    ['file:', false],
    ['content:', false],
  ])('search runs on %s: %s', (protocol, expected) => {
    expect(canRunSearch({ protocol })).toBe(expected);
  });

  it('says plainly why search is missing', () => {
    expect(searchUnavailableMessage('file')).toBe(
      'Search cannot run from a page opened as a file. Every article and glossary term is listed on the article index.',
    );
    expect(searchUnavailableMessage('failed')).toBe(
      'Search could not load. Every article and glossary term is listed on the article index.',
    );
  });

  it('registers the service worker only from a web server, where the browser has one and the build ships one', () => {
    expect(shouldRegisterServiceWorker({ protocol: 'https:' }, true, true)).toBe(true);
    expect(shouldRegisterServiceWorker({ protocol: 'file:' }, true, true)).toBe(false);
    expect(shouldRegisterServiceWorker({ protocol: 'https:' }, false, true)).toBe(false);
    expect(shouldRegisterServiceWorker({ protocol: 'https:' }, true, false)).toBe(false);
  });
});
