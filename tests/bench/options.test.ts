import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../scripts/bench/options.ts';

describe('bench options', () => {
  it('runs everything by default and writes the committed results', () => {
    const options = parseBenchArgs([]);
    expect(options).toMatchObject({ quick: false, skip: [], lighthouseRuns: 3, scaleArticles: 300, build: true });
    expect(options.out).toBe('bench-results');
  });

  it('does less with --quick, and keeps partial runs out of the committed results', () => {
    expect(parseBenchArgs(['--quick'])).toMatchObject({
      lighthouseRuns: 1,
      scaleArticles: 60,
      out: 'bench-results/tmp',
    });
    expect(parseBenchArgs(['--skip', 'lighthouse,scale']).out).toBe('bench-results/tmp');
    expect(parseBenchArgs(['--pages', '^articles/']).pages?.test('articles/x/')).toBe(true);
    expect(parseBenchArgs(['--quick', '--out', 'elsewhere']).out).toBe('elsewhere');
    expect(parseBenchArgs(['--no-build']).build).toBe(false);
  });

  it('refuses unknown parts and bad numbers', () => {
    expect(() => parseBenchArgs(['--skip', 'lighthose'])).toThrow(/Unknown part to skip: "lighthose"/);
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/at least 1/);
    expect(() => parseBenchArgs(['--scale', 'many'])).toThrow(/whole number/);
  });
});
