import { describe, expect, it } from 'vitest';
import { questionSchema } from '../../src/schemas/question.ts';

const valid = {
  id: 'patroni-pause-mode',
  question: 'What does patronictl pause do to a running primary?',
  askedAt: 'https://github.com/patroni/patroni/issues/1',
  answer:
    'Nothing happens to PostgreSQL: pause only stops Patroni from acting on it. The leader key stays, no ' +
    'failover happens, and the members keep running as they are until you resume.',
  sources: [
    { title: 'Patroni documentation, Pause/Resume mode', url: 'https://patroni.readthedocs.io/en/latest/pause.html' },
  ],
  explainedBy: '/articles/patroni-operations/#maintenance-mode',
  systems: ['patroni'],
  topics: ['operations'],
};

/** The question without one of its fields. */
function without(field: keyof typeof valid): Record<string, unknown> {
  return Object.fromEntries(Object.entries(valid).filter(([key]) => key !== field));
}

/** Every issue as "path: message", the way the questions file reports them. */
function issues(data: unknown): string[] {
  const result = questionSchema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('question schema', () => {
  it('accepts a complete question', () => {
    expect(issues(valid)).toEqual([]);
  });

  it('requires a source', () => {
    expect(issues({ ...valid, sources: [] })).toEqual([
      "sources: list at least one primary source (the product's own docs, its source code or a paper)",
    ]);
    expect(issues(without('sources'))).toEqual([
      "sources: is required: list at least one primary source (the product's own docs, its source code or a paper)",
    ]);
  });

  it('requires the URL where the question was asked', () => {
    expect(issues(without('askedAt'))).toEqual([
      'askedAt: is required: the https URL of the page where the question was asked (an issue, discussion or Q&A page)',
    ]);
  });

  it('refuses an askedAt that is not an absolute https URL', () => {
    expect(issues({ ...valid, askedAt: 'github.com/patroni/patroni/issues/1' })).toEqual([
      'askedAt: must be the absolute https URL of the page where the question was asked (an issue, discussion or Q&A page)',
    ]);
    expect(issues({ ...valid, askedAt: 'http://example.org/q/1' })).toHaveLength(1);
  });

  it('refuses an answer under 120 characters', () => {
    expect(issues({ ...valid, answer: 'It does nothing. Really.' })).toEqual([
      'answer: must be at least 120 characters (has 24): answer the question, then say why',
    ]);
  });

  it('refuses an answer over 900 characters', () => {
    const long = `${'A sentence of exactly fifty characters, give or take. '.repeat(17)}End.`;
    expect(issues({ ...valid, answer: long })).toEqual([
      `answer: must be at most 900 characters (has ${long.length}): keep the answer and the why, and leave the details to the section in explainedBy`,
      'answer: must be 2 to 5 sentences (has 18): the answer first, then the why; the section in explainedBy holds the rest',
    ]);
  });

  it('refuses a one-sentence answer', () => {
    const one =
      'Pause stops Patroni from acting on PostgreSQL, so nothing is promoted, restarted or demoted while it lasts, whatever happens to the nodes.';
    expect(issues({ ...valid, answer: one })).toEqual([
      'answer: must be 2 to 5 sentences (has 1): the answer first, then the why; the section in explainedBy holds the rest',
    ]);
  });

  it('refuses an answer of six sentences', () => {
    const six =
      'One thing. Two things here. Three things now. Four things then. Five things soon. Six things, at the end of a long answer.';
    expect(issues({ ...valid, answer: six })).toEqual([
      'answer: must be 2 to 5 sentences (has 6): the answer first, then the why; the section in explainedBy holds the rest',
    ]);
  });

  it('requires the explaining section as an article address with an anchor', () => {
    expect(issues({ ...valid, explainedBy: '/articles/patroni-operations/' })).toEqual([
      'explainedBy: must be the address of the section that explains the answer, with its anchor, such as /articles/replication/#lag',
    ]);
  });

  it('refuses a question longer than 200 characters', () => {
    expect(issues({ ...valid, question: `${'Why '.repeat(50)}?` })).toEqual([
      "question: must be at most 200 characters: shorten the asker's words with … rather than rewording them",
    ]);
  });

  it('refuses ids that are not kebab-case, and the ids of topic headings', () => {
    expect(issues({ ...valid, id: 'Patroni_Pause' })).toEqual([
      'id: must be a kebab-case id such as patroni-pause-mode: it becomes the permanent anchor /questions/#<id>',
    ]);
    expect(issues({ ...valid, id: 'topic-failover' })).toEqual([
      'id: must not start with "topic-": those are the anchors of the topic headings',
    ]);
  });

  it('lists the allowed systems and topics when one is unknown', () => {
    expect(issues({ ...valid, systems: ['postgres'] })[0]).toBe(
      'systems.0: must be one of: general, postgresql, patroni, etcd, haproxy, pgbouncer, kubernetes, cloudnativepg, ' +
        'zalando-operator, mysql, galera, mongodb, redis, valkey, dragonfly, cassandra, elasticsearch, opensearch, ' +
        'cockroachdb, tidb, yugabytedb, spanner',
    );
    expect(issues({ ...valid, topics: [] })).toEqual([
      'topics: list at least one topic from: concepts, replication, failover, quorum, sharding, consistency, operations, kubernetes, choosing',
    ]);
  });

  it('refuses unknown fields, so a misspelt key is not silently ignored', () => {
    expect(issues({ ...valid, explainedby: '/articles/x/#y' })).toEqual([': Unrecognized key: "explainedby"']);
  });
});
