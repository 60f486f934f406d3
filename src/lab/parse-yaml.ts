import { parseDocument, type Document, type ScalarTag, type Tags } from 'yaml';
import { problem, type Problem } from './problem.ts';

/**
 * Patroni reads its configuration with PyYAML and etcd with a YAML 1.1
 * reader, so we parse as YAML 1.1 as well: there `off`, `on`, `yes` and `no`
 * are booleans. Parsing as YAML 1.2 would accept `mode: off` as the string
 * "off" and hide the bug that Patroni would then report.
 */
export const YAML_OPTIONS = { version: '1.1', uniqueKeys: true, prettyErrors: true, customTags: pyyamlTags } as const;

/**
 * The yaml package's YAML 1.1 schema is slightly broader than PyYAML's: it
 * reads `y` and `n` as booleans and `e1` as a number (an exponent without
 * digits or a dot). PyYAML reads all three as strings, and it is PyYAML's
 * reading that Patroni acts on, so narrow those two resolvers to its rules.
 */
function pyyamlTags(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag === 'string' || !isScalarTag(tag) || !(tag.test instanceof RegExp)) return tag;
    if (tag.tag === 'tag:yaml.org,2002:bool') {
      const test = tag.test.source.includes('rue')
        ? /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/
        : /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
      return { ...tag, test };
    }
    if (tag.tag === 'tag:yaml.org,2002:float' && tag.format === 'EXP') {
      return { ...tag, test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*[eE][-+][0-9]+$/ };
    }
    return tag;
  });
}

function isScalarTag(tag: Tags[number]): tag is ScalarTag {
  return typeof tag === 'object' && !('collection' in tag && tag.collection);
}

export interface ParsedYaml {
  /** The parsed document (kept for comment-preserving edits). */
  readonly document: Document.Parsed;
  /** Plain JavaScript value of the document; `undefined` when parsing failed. */
  readonly value: unknown;
  /** YAML syntax errors, as problems. */
  readonly problems: readonly Problem[];
}

/** Parses YAML text the way the lab's programs will read it. */
export function parseYaml(file: string, text: string): ParsedYaml {
  const document = parseDocument(text, YAML_OPTIONS);
  const problems = document.errors.map((error) => {
    const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [0, 0];
    // With prettyErrors the message ends with " at line L, column C:" and the
    // source line; we keep the reason and report the position ourselves.
    const reason = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    return problem(file, '(file)', 'yaml-syntax', `YAML syntax error at line ${line}, column ${column}: ${reason}`);
  });
  return { document, value: problems.length === 0 ? document.toJS() : undefined, problems };
}
