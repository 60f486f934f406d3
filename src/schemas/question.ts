import { z } from 'astro/zod';
import { countSentences } from '../questions/sentences.ts';
import { sourceSchema } from './source.ts';

/** What a question is about, in the order the questions page shows its groups. */
export const QUESTION_TOPICS = [
  'concepts',
  'replication',
  'failover',
  'quorum',
  'sharding',
  'consistency',
  'operations',
  'kubernetes',
  'choosing',
] as const;

/** The products (and `general`) a question concerns. */
export const QUESTION_SYSTEMS = [
  'general',
  'postgresql',
  'patroni',
  'etcd',
  'haproxy',
  'pgbouncer',
  'kubernetes',
  'cloudnativepg',
  'zalando-operator',
  'mysql',
  'galera',
  'mongodb',
  'redis',
  'valkey',
  'dragonfly',
  'cassandra',
  'elasticsearch',
  'opensearch',
  'cockroachdb',
  'tidb',
  'yugabytedb',
  'spanner',
] as const;

export type QuestionTopic = (typeof QUESTION_TOPICS)[number];
export type QuestionSystem = (typeof QUESTION_SYSTEMS)[number];

export const ANSWER_MIN_CHARACTERS = 120;
export const ANSWER_MAX_CHARACTERS = 900;
export const ANSWER_MIN_SENTENCES = 2;
export const ANSWER_MAX_SENTENCES = 5;

/** A required text field whose "missing" message says what to put there. */
function required(what: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? `is required: ${what}` : `must be text: ${what}`) });
}

/** A non-empty list of enum values, whose messages list the allowed ones. */
function enumList<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  const allowed = values.join(', ');
  return z
    .array(z.enum(values, { error: `must be one of: ${allowed}` }), {
      error: (issue) =>
        issue.input === undefined ? `is required: list at least one ${what}` : `must be a list of ${what}s`,
    })
    .min(1, `list at least one ${what} from: ${allowed}`);
}

/**
 * One question of content/questions.yaml: a question a real person asked in public, its short
 * answer with a primary source, and the section of the site that explains it in full. The format
 * is agreed in issue 15; the questions page (/questions/) and each article's "Questions this
 * article answers" list are rendered from it.
 */
export const questionSchema = z.strictObject({
  /** Kebab-case, unique and permanent: the anchor /questions/#<id>. Never renamed once published. */
  id: required('a kebab-case id, the permanent anchor /questions/#<id>')
    .regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      'must be a kebab-case id such as patroni-pause-mode: it becomes the permanent anchor /questions/#<id>',
    )
    .refine(
      (id) => !id.startsWith('topic-'),
      'must not start with "topic-": those are the anchors of the topic headings',
    ),
  /** The question in its asker's words, shortened with … at most (10 to 200 characters). */
  question: required("the question in its asker's words")
    .min(10, "must be at least 10 characters: the question in its asker's words")
    .max(200, "must be at most 200 characters: shorten the asker's words with … rather than rewording them"),
  /** The exact public https URL where it was asked: an issue, discussion, Q&A or mailing-list page. */
  askedAt: required('the https URL of the page where the question was asked (an issue, discussion or Q&A page)').pipe(
    z.url({
      protocol: /^https$/,
      error:
        'must be the absolute https URL of the page where the question was asked (an issue, discussion or Q&A page)',
    }),
  ),
  /**
   * The answer first, then the why: 2 to 5 sentences, 120 to 900 characters. Version-dependent
   * facts name the versions they hold for.
   */
  answer: required('2 to 5 sentences, the answer first, then the why').check((ctx) => {
    // One check for both rules, so that an answer breaking both is told about both at once.
    const length = ctx.value.length;
    const sentences = countSentences(ctx.value);
    const report = (message: string): void => {
      ctx.issues.push({ code: 'custom', input: ctx.value, message });
    };
    if (length < ANSWER_MIN_CHARACTERS) {
      report(`must be at least ${ANSWER_MIN_CHARACTERS} characters (has ${length}): answer the question, then say why`);
    } else if (length > ANSWER_MAX_CHARACTERS) {
      report(
        `must be at most ${ANSWER_MAX_CHARACTERS} characters (has ${length}): keep the answer and the why, ` +
          'and leave the details to the section in explainedBy',
      );
    }
    if (sentences < ANSWER_MIN_SENTENCES || sentences > ANSWER_MAX_SENTENCES) {
      report(
        `must be ${ANSWER_MIN_SENTENCES} to ${ANSWER_MAX_SENTENCES} sentences (has ${sentences}): ` +
          'the answer first, then the why; the section in explainedBy holds the rest',
      );
    }
  }),
  /** At least one primary source for the answer: official documentation, source code, a paper. */
  sources: z
    .array(sourceSchema, {
      error: (issue) =>
        issue.input === undefined
          ? "is required: list at least one primary source (the product's own docs, its source code or a paper)"
          : 'must be a list of sources, each with a title and a url',
    })
    .min(1, "list at least one primary source (the product's own docs, its source code or a paper)"),
  /** The section of this site that explains the answer fully: /articles/<slug>/#<heading-id>. */
  explainedBy: required(
    'the address of the section that explains the answer, such as /articles/replication/#lag',
  ).regex(
    /^\/articles\/[a-z0-9]+(?:-[a-z0-9]+)*\/#[a-z0-9][a-z0-9_-]*$/,
    'must be the address of the section that explains the answer, with its anchor, such as /articles/replication/#lag',
  ),
  /** The products the question concerns (`general` when it is about no product in particular). */
  systems: enumList(QUESTION_SYSTEMS, 'system'),
  /** What it is about; the questions page groups it under the first. */
  topics: enumList(QUESTION_TOPICS, 'topic'),
});

export type Question = z.infer<typeof questionSchema>;
