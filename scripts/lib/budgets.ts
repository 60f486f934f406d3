/**
 * The site's size budgets (docs/QUALITY.md), checked on the sizes `page-weight.ts` reads from dist/.
 * Gzipped bytes; 1 KB = 1,000 bytes. Deterministic: the same dist always gives the same answer.
 */
import { siteStylesheets, summarisePage, type SiteWeight } from './page-weight.ts';

export interface Budgets {
  /** A page's first visit with up to `includedFigures` diagrams. */
  pageBytes: number;
  /** How many diagrams `pageBytes` already allows for. */
  includedFigures: number;
  /** Added to a page's budget for each diagram beyond `includedFigures`. */
  bytesPerExtraFigure: number;
  /** Added for each question entry (question, answer, sources) the page shows, as /questions/ does. */
  bytesPerQuestion: number;
  /** Added for each link to a question, as in an article's "Questions this article answers". */
  bytesPerQuestionLink: number;
  /**
   * Added for each entry a page renders from a results file the tests write (a row of measured fault
   * scenarios, one scenario's evidence for a claim, a captured transcript): measured content grows
   * with the measurements, as question entries do with the questions.
   */
  bytesPerMeasurement: number;
  /** JS that runs on a page without interaction (the theme and table-of-contents scripts), islands apart. */
  pageJsBytes: number;
  /** All the CSS of the whole site, each distinct stylesheet once. */
  siteCssBytes: number;
}

export const BUDGETS: Budgets = {
  pageBytes: 30_000,
  includedFigures: 2,
  bytesPerExtraFigure: 6_000,
  bytesPerQuestion: 350,
  bytesPerQuestionLink: 100,
  bytesPerMeasurement: 150,
  pageJsBytes: 3_000,
  siteCssBytes: 10_000,
};

export interface BudgetLine {
  /** The page (`/articles/x/`), or `site` for site-wide budgets. */
  scope: string;
  budget: string;
  actual: number;
  limit: number;
}

export interface BudgetReport {
  lines: BudgetLine[];
  over: BudgetLine[];
  /** Not sizes but reasons the sizes cannot be trusted: missing files, off-site requests. */
  problems: string[];
}

/** What a page holds that its budget grows with: diagrams, question entries, links to questions. */
export interface PageContent {
  figures: number;
  questions?: number;
  questionLinks?: number;
  measurements?: number;
}

/** The first-visit budget of a page with `figures` diagrams (a number), or with this content. */
export function pageBudget(content: number | PageContent, budgets: Budgets = BUDGETS): number {
  const {
    figures,
    questions = 0,
    questionLinks = 0,
    measurements = 0,
  } = typeof content === 'number' ? { figures: content } : content;
  return (
    budgets.pageBytes +
    Math.max(0, figures - budgets.includedFigures) * budgets.bytesPerExtraFigure +
    questions * budgets.bytesPerQuestion +
    questionLinks * budgets.bytesPerQuestionLink +
    measurements * budgets.bytesPerMeasurement
  );
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `3 diagrams`, `0 diagrams, 55 questions`, `1 diagram, 47 question links`: what the budget allowed for. */
function describeContent(page: PageContent): string {
  const parts = [count(page.figures, 'diagram', 'diagrams')];
  if (page.questions) parts.push(count(page.questions, 'question', 'questions'));
  if (page.questionLinks) parts.push(count(page.questionLinks, 'question link', 'question links'));
  if (page.measurements) parts.push(count(page.measurements, 'measurement', 'measurements'));
  return parts.join(', ');
}

/** Checks every page of the site, and the site's CSS, against the budgets. */
export function checkBudgets(site: SiteWeight, budgets: Budgets = BUDGETS): BudgetReport {
  const lines: BudgetLine[] = [];
  const problems: string[] = [];
  for (const page of site.pages) {
    const summary = summarisePage(page);
    const scope = `/${page.page}`;
    lines.push({
      scope,
      budget: `first visit, all types (${describeContent(page)})`,
      actual: summary.firstVisit.gzip,
      limit: pageBudget(page, budgets),
    });
    lines.push({
      scope,
      budget: 'JS run without interaction',
      actual: summary.js.gzip,
      limit: budgets.pageJsBytes,
    });
    for (const missing of page.missing) problems.push(`${scope}: ${missing} is not in the build output`);
    for (const offsite of page.offsite) problems.push(`${scope}: ${offsite} loads from another host`);
  }
  const css = siteStylesheets(site).reduce((sum, sheet) => sum + sheet.gzip, 0);
  lines.push({ scope: 'site', budget: 'CSS, every stylesheet once', actual: css, limit: budgets.siteCssBytes });
  return { lines, over: lines.filter((line) => line.actual > line.limit), problems };
}

/** `12345` → `12.35 KB`. */
export function formatKB(bytes: number): string {
  return `${(bytes / 1000).toFixed(2)} KB`;
}

/** A plain-text table of budget lines, aligned for a terminal and readable as Markdown. */
export function formatBudgetTable(lines: readonly BudgetLine[]): string {
  const rows = [
    ['Scope', 'Budget', 'Actual (gzip)', 'Limit', 'Over by'],
    ...lines.map((line) => [
      line.scope,
      line.budget,
      formatKB(line.actual),
      formatKB(line.limit),
      line.actual > line.limit ? formatKB(line.actual - line.limit) : '',
    ]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const format = (row: string[]): string =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  const [header, ...body] = rows;
  return [format(header ?? []), rule, ...body.map(format)].join('\n');
}
