import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/lab/parse-yaml.ts';

describe('parseYaml reads YAML as PyYAML (and so Patroni) does', () => {
  it('treats on/off/yes/no as booleans, but y, n and e1 as strings', () => {
    expect(parseYaml('x', 'a: off\nb: yes\nc: y\nd: n\ne: e1\nf: "off"\n').value).toEqual({
      a: false,
      b: true,
      c: 'y',
      d: 'n',
      e: 'e1',
      f: 'off',
    });
  });

  it('reads an exponent only with a dot and a signed exponent, like PyYAML', () => {
    expect(parseYaml('x', 'a: 1e3\nb: 1.0e+3\n').value).toEqual({ a: '1e3', b: 1000 });
  });

  it('rejects duplicate keys', () => {
    expect(parseYaml('x', 'a: 1\na: 2\n').problems.map((p) => p.message)).toEqual([
      'x: YAML syntax error at line 2, column 1: Map keys must be unique',
    ]);
  });
});
