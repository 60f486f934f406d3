import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExcerpt, ConfigFileError, markerNames, parseLineList } from '../../src/config-files/excerpt.ts';

const sample = readFileSync(new URL('./fixtures/sample.yml', import.meta.url), 'utf8');
const where = 'content/articles/lab.mdx';
const numbers = (e: ReturnType<typeof buildExcerpt>) => e.lines.map((l) => l.number);

function failure(request: Parameters<typeof buildExcerpt>[1]): string {
  try {
    buildExcerpt(sample, request, where);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return (error as Error).message;
  }
  throw new Error('expected buildExcerpt to fail');
}

describe('parseLineList', () => {
  const fail = (message: string): never => {
    throw new Error(message);
  };
  it('reads single lines, ranges and lists', () => {
    expect(parseLineList('12', 'highlight', fail)).toEqual([12]);
    expect(parseLineList('3-5, 9', 'highlight', fail)).toEqual([3, 4, 5, 9]);
  });
  it('rejects text and decreasing ranges', () => {
    expect(() => parseLineList('ten', 'lines', fail)).toThrow(
      'lines="ten" is not a list of line numbers. Fix: write it like lines="12-14,20".',
    );
    expect(() => parseLineList('5-3', 'lines', fail)).toThrow(
      'lines="5-3": "5-3" is not an increasing range of lines (the first line is 1).',
    );
  });
});

describe('buildExcerpt', () => {
  it('shows the whole file without marker lines, keeping the real line numbers', () => {
    const excerpt = buildExcerpt(sample, { path: 'lab/sample.yml' }, where);
    expect(numbers(excerpt)).toEqual([1, 2, 4, 5, 7, 11]);
    expect(excerpt.text).toBe('# line 1: a comment\nscope: demo\nttl: 30\nloop_wait: 10\nname: a\ntail: 1\n');
    expect(excerpt.range).toBe('');
  });

  it('cuts a line range', () => {
    const excerpt = buildExcerpt(sample, { path: 'lab/sample.yml', lines: '2-5' }, where);
    expect(numbers(excerpt)).toEqual([2, 4, 5]);
    expect(excerpt.range).toBe('lines 2–5');
  });

  it('cuts the lines between markers and strips the markers', () => {
    const excerpt = buildExcerpt(sample, { path: 'lab/sample.yml', marker: 'timing' }, where);
    expect(excerpt.text).toBe('ttl: 30\nloop_wait: 10\n');
    expect(numbers(excerpt)).toEqual([4, 5]);
    expect(excerpt.range).toBe('lines 4–5');
  });

  it('marks highlighted and annotated lines', () => {
    const excerpt = buildExcerpt(
      sample,
      { path: 'lab/sample.yml', marker: 'timing', highlight: '5', annotations: { 4: 'the lock' } },
      where,
    );
    expect(excerpt.lines).toEqual([
      { number: 4, text: 'ttl: 30', highlighted: false, annotation: 'the lock' },
      { number: 5, text: 'loop_wait: 10', highlighted: true, annotation: undefined },
    ]);
  });

  it('lists the markers of a file', () => {
    expect(markerNames(sample)).toEqual(['timing', 'empty', 'open']);
  });

  it('fails on a line past the end, naming the article, the tag and the fix', () => {
    expect(failure({ path: 'lab/sample.yml', lines: '10-40' })).toBe(
      'content/articles/lab.mdx: <ConfigFile path="lab/sample.yml" lines="10-40">: line 40 is past the end of lab/sample.yml, which has 11 lines. Fix: use a range within 1-11.',
    );
  });

  it('fails on an unknown marker and lists the known ones', () => {
    expect(failure({ path: 'lab/sample.yml', marker: 'timng' })).toBe(
      'content/articles/lab.mdx: <ConfigFile path="lab/sample.yml" marker="timng">: there is no marker "timng" in lab/sample.yml. Its markers are: timing, empty, open.',
    );
  });

  it('fails on a marker that is never closed, or that holds no lines', () => {
    expect(failure({ path: 'lab/sample.yml', marker: 'open' })).toBe(
      'content/articles/lab.mdx: <ConfigFile path="lab/sample.yml" marker="open">: marker "open" is opened on line 10 but never closed. Fix: add "# [end:open]".',
    );
    expect(failure({ path: 'lab/sample.yml', marker: 'empty' })).toBe(
      'content/articles/lab.mdx: <ConfigFile path="lab/sample.yml" marker="empty">: selects no lines to show.',
    );
  });

  it('fails on a highlight or annotation outside the excerpt', () => {
    expect(failure({ path: 'lab/sample.yml', marker: 'timing', highlight: '7' })).toBe(
      'content/articles/lab.mdx: <ConfigFile path="lab/sample.yml" marker="timing" highlight="7">: highlight: line 7 is not shown (lines 4–5). Fix: highlight only lines the excerpt shows.',
    );
    expect(failure({ path: 'lab/sample.yml', highlight: '3' })).toBe(
      'content/articles/lab.mdx: <ConfigFile path="lab/sample.yml" highlight="3">: highlight: line 3 is not shown (lab/sample.yml has 11 lines, and it is a marker line). Fix: highlight only lines the excerpt shows.',
    );
    expect(failure({ path: 'lab/sample.yml', annotations: { 99: 'x' } })).toBe(
      'content/articles/lab.mdx: <ConfigFile path="lab/sample.yml">: annotations: line 99 is not shown (lab/sample.yml has 11 lines). Fix: annotate only lines the excerpt shows.',
    );
  });

  it('refuses lines and marker together', () => {
    expect(failure({ path: 'lab/sample.yml', lines: '1-2', marker: 'timing' })).toBe(
      'content/articles/lab.mdx: <ConfigFile path="lab/sample.yml" lines="1-2" marker="timing">: give either lines or marker, not both.',
    );
  });
});
