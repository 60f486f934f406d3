/** Small pure helpers of the benchmark: medians and JS coverage arithmetic. */

/** The median of some numbers (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** One script's V8 block coverage, as Playwright's `page.coverage.stopJSCoverage()` returns it. */
export interface ScriptCoverage {
  url: string;
  source?: string;
  functions: {
    functionName: string;
    isBlockCoverage: boolean;
    ranges: { startOffset: number; endOffset: number; count: number }[];
  }[];
}

/**
 * How many characters of a script ran. V8 lists functions outer before inner and each function's
 * ranges outer before inner, so painting every range's count over the source in order leaves each
 * character with the count of the innermost range around it; a character ran if that count is > 0.
 */
export function executedCharacters(coverage: ScriptCoverage): { total: number; executed: number } {
  const total =
    coverage.source?.length ?? Math.max(0, ...coverage.functions.flatMap((f) => f.ranges.map((r) => r.endOffset)));
  const counts = new Int32Array(total);
  for (const fn of coverage.functions) {
    for (const range of fn.ranges) {
      counts.fill(range.count, Math.max(0, range.startOffset), Math.min(total, range.endOffset));
    }
  }
  let executed = 0;
  for (const count of counts) if (count > 0) executed += 1;
  return { total, executed };
}
