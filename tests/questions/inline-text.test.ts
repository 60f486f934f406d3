import { describe, expect, it } from 'vitest';
import { inlineParts } from '../../src/questions/inline-text.ts';

describe('the text of questions and answers', () => {
  it('turns backticks into code, and keeps the code exactly as written', () => {
    expect(inlineParts("Run `patronictl edit-config --set 'ttl=30'` first.")).toEqual([
      { code: false, text: 'Run ' },
      { code: true, text: "patronictl edit-config --set 'ttl=30'" },
      { code: false, text: ' first.' },
    ]);
  });

  it('gives prose the typographic punctuation of articles', () => {
    expect(inlineParts('It\'s "quorum" -- not a majority...')).toEqual([
      { code: false, text: 'It’s “quorum” — not a majority…' },
    ]);
  });

  it('closes a quote that follows code, as in articles', () => {
    expect(inlineParts("`nofailover`'s effect")).toEqual([
      { code: true, text: 'nofailover' },
      { code: false, text: '’s effect' },
    ]);
  });

  it('leaves an unpaired backtick as it is', () => {
    expect(inlineParts('a `b` c `d')).toEqual([
      { code: false, text: 'a ' },
      { code: true, text: 'b' },
      { code: false, text: ' c `d' },
    ]);
  });
});
