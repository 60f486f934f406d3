import { describe, expect, it } from 'vitest';
import { canRunSearch, searchUnavailableMessage } from '../../src/client/offline-support.ts';
import { shouldRegisterServiceWorker } from '../../src/client/sw-core.ts';

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

  it('registers the service worker only from a web server, in a browser that has service workers', () => {
    const container = {};
    expect(shouldRegisterServiceWorker({ protocol: 'https:' }, container)).toBe(true);
    expect(shouldRegisterServiceWorker({ protocol: 'http:' }, container)).toBe(true);
    expect(shouldRegisterServiceWorker({ protocol: 'file:' }, container)).toBe(false);
    expect(shouldRegisterServiceWorker({ protocol: 'https:' }, undefined)).toBe(false);
  });
});
