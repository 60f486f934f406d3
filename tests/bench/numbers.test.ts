import { describe, expect, it } from 'vitest';
import { parseTimes } from '../../scripts/bench/builds.ts';
import { executedCharacters, median } from '../../scripts/bench/numbers.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([100, 96, 100, 40])).toBe(98);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });
});

describe('executed characters from V8 block coverage', () => {
  // function a(){…} ran; its else-block did not; function b(){…} never ran.
  const source = 'function a(x){if(x){return 1}else{return 2}}a(1);function b(){return 3}';
  const at = (text: string) => source.indexOf(text);
  const coverage = {
    url: 'http://x/a.js',
    source,
    functions: [
      { functionName: '', isBlockCoverage: true, ranges: [{ startOffset: 0, endOffset: source.length, count: 1 }] },
      {
        functionName: 'a',
        isBlockCoverage: true,
        ranges: [
          { startOffset: 0, endOffset: at('a(1)'), count: 1 },
          { startOffset: at('else'), endOffset: at('}}a(1)') + 1, count: 0 },
        ],
      },
      {
        functionName: 'b',
        isBlockCoverage: true,
        ranges: [{ startOffset: at('function b'), endOffset: source.length, count: 0 }],
      },
    ],
  };

  it('counts what ran, leaving out blocks and functions that did not', () => {
    const notRun = at('}}a(1)') + 1 - at('else') + (source.length - at('function b'));
    expect(executedCharacters(coverage)).toEqual({ total: source.length, executed: source.length - notRun });
  });

  it('counts nothing for a script whose top level never ran', () => {
    const idle = {
      url: 'http://x/idle.js',
      source,
      functions: [
        { functionName: '', isBlockCoverage: true, ranges: [{ startOffset: 0, endOffset: source.length, count: 0 }] },
      ],
    };
    expect(executedCharacters(idle)).toEqual({ total: source.length, executed: 0 });
  });
});

describe('CPU time of a build', () => {
  it("reads the children's user and system time from sh's times", () => {
    const output = '13:10:19 [build] 15 page(s) built in 20.84s\n0m0.010000s 0m0.002000s\n1m2.500000s 0m1.250000s\n';
    expect(parseTimes(output)).toBeCloseTo(63.75, 6);
  });

  it('says so when the output has no times', () => {
    expect(() => parseTimes('[build] Complete!')).toThrow(/Cannot find the CPU times/);
  });
});
