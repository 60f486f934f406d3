import { describe, expect, it } from 'vitest';
import { describeDeadExplainedBy, explainedByLines, readQuestionsFile } from '../../src/questions/questions-file.ts';

/** One entry of content/questions.yaml as text, with fields replaced or dropped (`undefined`). */
function entry(id: string, fields: Record<string, string | undefined> = {}): string {
  const all: Record<string, string | undefined> = {
    id,
    question: '"Does the leader key expire when Patroni stops?"',
    askedAt: 'https://github.com/patroni/patroni/issues/1',
    answer:
      '>-\n    Only after its TTL, unless Patroni stopped cleanly and deleted it. A crashed Patroni renews\n' +
      '    nothing, so the key lives until etcd expires its lease.',
    sources:
      '\n    - title: "Patroni documentation, REST API"\n      url: https://patroni.readthedocs.io/en/latest/rest_api.html',
    explainedBy: '/articles/failover-and-split-brain/#the-failover-sequence-step-by-step',
    systems: '[patroni, etcd]',
    topics: '[failover]',
    ...fields,
  };
  const lines = Object.entries(all)
    .filter((field): field is [string, string] => field[1] !== undefined)
    .map(([key, value]) => `${key}: ${value}`);
  return `- ${lines.join('\n  ')}\n`;
}

describe('reading content/questions.yaml', () => {
  it('returns valid questions in file order, with the line each starts on', () => {
    const { questions, problems } = readQuestionsFile(`# comment\n${entry('b-first')}${entry('a-second')}`);
    expect(problems).toEqual([]);
    expect(questions.map(({ line, question }) => [line, question.id])).toEqual([
      [2, 'b-first'],
      [14, 'a-second'],
    ]);
    expect(questions[0]?.question.answer).toBe(
      'Only after its TTL, unless Patroni stopped cleanly and deleted it. A crashed Patroni renews nothing, so the key lives until etcd expires its lease.',
    );
  });

  it('names the line of the field that is wrong', () => {
    const text = entry('ok') + entry('bad-source', { sources: '[]' });
    expect(readQuestionsFile(text).problems).toEqual([
      "content/questions.yaml:19 (bad-source): sources: list at least one primary source (the product's own docs, its source code or a paper)",
    ]);
  });

  it("names the entry's line when a required field is missing", () => {
    const text = entry('ok') + entry('no-asked-at', { askedAt: undefined });
    expect(readQuestionsFile(text).problems).toEqual([
      'content/questions.yaml:13 (no-asked-at): askedAt: is required: the https URL of the page where the question was asked (an issue, discussion or Q&A page)',
    ]);
  });

  it('names the line of a nested field', () => {
    const text = entry('bad-url', {
      sources: '\n    - title: "Patroni documentation"\n      url: patroni.readthedocs.io',
    });
    expect(readQuestionsFile(text).problems).toEqual([
      'content/questions.yaml:9 (bad-url): sources.0.url: must be an absolute http(s) URL',
    ]);
  });

  it('refuses a duplicate id, naming both lines', () => {
    const text = entry('same') + entry('same');
    const { questions, problems } = readQuestionsFile(text);
    expect(problems).toEqual([
      'content/questions.yaml:13 (same): id: "same" is already the id of the question at line 1; ids are permanent anchors (/questions/#same), so give this question an id of its own',
    ]);
    expect(questions).toHaveLength(1);
  });

  it('refuses a misspelt field, listing the fields there are', () => {
    const text = entry('typo', { explainedBy: undefined }).replace(
      '  systems:',
      '  explainedby: /articles/x/#y\n  systems:',
    );
    expect(readQuestionsFile(text).problems).toEqual([
      'content/questions.yaml:1 (typo): explainedBy: is required: the address of the section that explains the answer, such as /articles/replication/#lag',
      'content/questions.yaml:10 (typo): explainedby: is not a field of a question (fields: id, question, askedAt, answer, sources, explainedBy, systems, topics); check its spelling (see docs/QUESTIONS.md)',
    ]);
  });

  it('names entries without a usable id by their position', () => {
    expect(readQuestionsFile(entry('Not Kebab')).problems).toEqual([
      'content/questions.yaml:1 (Not Kebab): id: must be a kebab-case id such as patroni-pause-mode: it becomes the permanent anchor /questions/#<id>',
    ]);
    expect(readQuestionsFile('- just a string\n').problems).toEqual([
      'content/questions.yaml:1 (entry 1): must be a question with the fields id, question, askedAt, … (see docs/QUESTIONS.md)',
    ]);
  });

  it('refuses a file that is not a list', () => {
    expect(readQuestionsFile('id: lonely\n').problems).toEqual([
      'content/questions.yaml:1: must be a YAML list of questions, each starting with "- id: …" (see docs/QUESTIONS.md)',
    ]);
  });

  it('reports YAML errors with their line', () => {
    const twice = entry('twice').replace('  askedAt:', '  question: "Asked again?"\n  askedAt:');
    expect(readQuestionsFile(entry('ok') + twice).problems).toEqual([
      'content/questions.yaml:15: YAML syntax error: Map keys must be unique',
    ]);
  });

  it('reads an empty file, or an empty list, as no questions', () => {
    expect(readQuestionsFile('# nothing yet\n')).toEqual({ questions: [], problems: [] });
    expect(readQuestionsFile('[]\n')).toEqual({ questions: [], problems: [] });
  });
});

describe('dead explaining links', () => {
  const text = entry('first') + entry('second', { explainedBy: '/articles/replication/#lag' }) + entry('third');

  it('finds every entry that uses a link, with the line of its explainedBy', () => {
    expect(explainedByLines(text, '/articles/failover-and-split-brain/#the-failover-sequence-step-by-step')).toEqual([
      { id: 'first', line: 10 },
      { id: 'third', line: 34 },
    ]);
  });

  it('describes a missing anchor with the file, the line and the fix', () => {
    expect(describeDeadExplainedBy(text, '/articles/replication/#lag', 'missing anchor')).toEqual([
      'content/questions.yaml:22 (second): explainedBy: /articles/replication/#lag (missing anchor): that article has no heading with this id: point explainedBy at the section that explains the answer, with the heading id as it appears after # in the article (or restore the heading)',
    ]);
  });

  it('describes a missing page', () => {
    expect(describeDeadExplainedBy(text, '/articles/replication/#lag', 'missing page')).toEqual([
      'content/questions.yaml:22 (second): explainedBy: /articles/replication/#lag (missing page): that article does not exist (renamed or removed?): point explainedBy at the section that explains the answer now',
    ]);
  });

  it('describes nothing for a link no entry uses', () => {
    expect(describeDeadExplainedBy(text, '/articles/other/#x', 'missing anchor')).toEqual([]);
  });
});
