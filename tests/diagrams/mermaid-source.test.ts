import { describe, expect, it } from 'vitest';
import {
  diagramType,
  findForbiddenDirective,
  parseMeta,
  readAccessibility,
  slugify,
} from '../../src/diagrams/mermaid-source.ts';

describe('parseMeta', () => {
  it('reads double-quoted, single-quoted and bare values', () => {
    expect(parseMeta(`id="fig-a" caption='It\\'s two' size=3`)).toEqual({
      id: 'fig-a',
      caption: "It's two",
      size: '3',
    });
  });

  it('keeps quotes escaped inside a value', () => {
    expect(parseMeta('caption="A \\"quoted\\" word"')).toEqual({ caption: 'A "quoted" word' });
  });

  it('returns nothing for a missing meta string', () => {
    expect(parseMeta(undefined)).toEqual({});
  });
});

describe('readAccessibility', () => {
  it('reads single-line accTitle and accDescr', () => {
    expect(readAccessibility('flowchart LR\n  accTitle: T \n  accDescr: D\n  A-->B')).toEqual({
      title: 'T',
      description: 'D',
    });
  });

  it('reads the block form of accDescr, whitespace collapsed', () => {
    expect(
      readAccessibility('flowchart LR\n accTitle: T\n accDescr {\n  first line\n  second line\n }\n A-->B'),
    ).toEqual({
      title: 'T',
      description: 'first line second line',
    });
  });

  it('treats an empty accTitle as missing', () => {
    expect(readAccessibility('flowchart LR\n accTitle:   \n A-->B').title).toBeUndefined();
  });
});

describe('diagramType', () => {
  it('skips blank lines and %% comments', () => {
    expect(diagramType('\n%% a comment\nsequenceDiagram\n A->>B: x')).toBe('sequenceDiagram');
  });
});

describe('slugify', () => {
  it('makes a GitHub-style slug without accents', () => {
    expect(slugify('Primary & Réplica: 2 nodes!')).toBe('primary-replica-2-nodes');
  });
});

describe('findForbiddenDirective', () => {
  it('finds classDef with its line', () => {
    expect(findForbiddenDirective('flowchart LR\n A-->B\n classDef hot fill:#f00')).toEqual({
      line: 3,
      directive: 'classDef',
    });
  });

  it('finds HTML in a label', () => {
    expect(findForbiddenDirective('flowchart LR\n A[One<br/>Two]-->B')).toEqual({
      line: 2,
      directive: 'HTML in a label',
    });
  });

  it('finds an init directive', () => {
    expect(findForbiddenDirective("%%{init: {'theme': 'dark'}}%%\nflowchart LR")).toEqual({
      line: 1,
      directive: '%%{init}%% configuration',
    });
  });

  it('accepts arrows that start with <', () => {
    expect(findForbiddenDirective('flowchart LR\n A <-- x --> B\n C <-.-> D')).toBeUndefined();
  });
});
