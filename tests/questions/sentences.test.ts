import { describe, expect, it } from 'vitest';
import { countSentences } from '../../src/questions/sentences.ts';

describe('counting the sentences of an answer', () => {
  it('counts sentences ended by . ! or ?', () => {
    expect(countSentences('Yes. It waits! Does it? Always.')).toBe(4);
  });

  it('does not end a sentence inside a version, a file name or a setting', () => {
    expect(countSentences('Patroni 4.0 added quorum mode to patroni.yml files. Before 4.0.0 it had none.')).toBe(2);
  });

  it('does not end a sentence at e.g., i.e. or vs.', () => {
    expect(countSentences('Use a tag, e.g. nofailover, i.e. a per-node setting. Compare it vs. a global one.')).toBe(2);
  });

  it('ends a sentence before one that opens with code or a quote', () => {
    expect(countSentences('Pause first. `patronictl resume` ends it. "Paused" shows in the list.')).toBe(3);
  });

  it('counts a closing quote or bracket as part of the ending', () => {
    expect(countSentences('It says "no." Then it stops (for now.) Done.')).toBe(3);
  });

  it('counts text after the last full stop as a sentence', () => {
    expect(countSentences('One sentence. And an unfinished one')).toBe(2);
  });

  it('counts nothing in an empty answer', () => {
    expect(countSentences('  \n ')).toBe(0);
  });
});
