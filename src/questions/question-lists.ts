import type { Question } from '../schemas/question.ts';
import { articlePath } from '../site/urls.ts';

/** The questions in the order of content/questions.yaml, by the line the loader recorded. */
export function inFileOrder<T extends { line: number }>(questions: readonly T[]): T[] {
  return [...questions].sort((a, b) => a.line - b.line);
}

/** The questions whose explaining section is in the article `slug`, in the order given. */
export function questionsExplainedBy<T extends Pick<Question, 'explainedBy'>>(
  questions: readonly T[],
  slug: string,
): T[] {
  const page = `${articlePath(slug)}#`;
  return questions.filter((question) => question.explainedBy.startsWith(page));
}

/** Questions grouped by their first topic, groups in `order`, questions in the order given. */
export function groupByTopic<T extends { topics: readonly string[] }, K extends string>(
  questions: readonly T[],
  order: readonly K[],
): { topic: K; questions: T[] }[] {
  return order
    .map((topic) => ({ topic, questions: questions.filter((question) => question.topics[0] === topic) }))
    .filter((group) => group.questions.length > 0);
}
