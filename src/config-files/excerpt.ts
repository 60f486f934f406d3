/**
 * Choosing what a <ConfigFile> shows: the whole file, a line range, or the
 * lines between marker comments (`# [start:timing]` … `# [end:timing]`), with
 * highlighted lines and short annotations. Marker lines are never shown; every
 * other line keeps its number in the real file, so what the article says about
 * "line 12" matches the downloaded file. Every mistake is a build error that
 * names the article, repeats the tag, and says how to fix it.
 */

/** A marker comment line: `# [start:name]` or `# [end:name]` (also `//` or `;` comments). */
const MARKER = /^\s*(?:#|\/\/|;)\s*\[(start|end):([a-z0-9][a-z0-9-]*)\]\s*$/;

export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
}

export interface ConfigFileRequest {
  /** Path below content/, e.g. `lab/patroni/node1.yml`. */
  readonly path: string;
  /** A line range such as `10-20` (or a single line `12`). */
  readonly lines?: string | undefined;
  /** The name of a marker pair in the file, e.g. `timing`. */
  readonly marker?: string | undefined;
  /** Lines to emphasise: `12`, `12-14`, `12-14,20`. */
  readonly highlight?: string | undefined;
  /** Short notes shown under a line, keyed by line number. */
  readonly annotations?: Readonly<Record<string | number, string>> | undefined;
}

export interface ExcerptLine {
  /** 1-based number of the line in the real file. */
  readonly number: number;
  readonly text: string;
  readonly highlighted: boolean;
  readonly annotation: string | undefined;
}

export interface Excerpt {
  readonly lines: readonly ExcerptLine[];
  /** The shown lines joined with newlines: what the copy button copies. */
  readonly text: string;
  /** Human description of the part shown, for the title bar: "", "lines 10–20", "lines 48–61". */
  readonly range: string;
}

/** The tag as the author wrote it (roughly), to quote in error messages. */
export function describeTag(request: ConfigFileRequest): string {
  const attrs = [`path="${request.path}"`];
  if (request.lines !== undefined) attrs.push(`lines="${request.lines}"`);
  if (request.marker !== undefined) attrs.push(`marker="${request.marker}"`);
  if (request.highlight !== undefined) attrs.push(`highlight="${request.highlight}"`);
  return `<ConfigFile ${attrs.join(' ')}>`;
}

/**
 * Parses `12`, `12-14` or `12-14,20` into line numbers. `what` names the
 * attribute in the error message.
 */
export function parseLineList(spec: string, what: string, fail: (message: string) => never): number[] {
  const numbers: number[] = [];
  for (const part of spec.split(',').map((p) => p.trim())) {
    const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!match) fail(`${what}="${spec}" is not a list of line numbers. Fix: write it like ${what}="12-14,20".`);
    const start = Number(match[1]);
    const end = match[2] === undefined ? start : Number(match[2]);
    if (start < 1 || end < start) {
      fail(`${what}="${spec}": "${part}" is not an increasing range of lines (the first line is 1).`);
    }
    for (let n = start; n <= end; n++) numbers.push(n);
  }
  return numbers;
}

/** Names of all marker pairs in a file, in order of appearance. */
export function markerNames(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split('\n')) {
    const match = MARKER.exec(line);
    if (match?.[1] === 'start' && match[2] && !names.includes(match[2])) names.push(match[2]);
  }
  return names;
}

/**
 * Selects the lines of `source` that a request shows. `where` is the article
 * the tag is in (e.g. `content/articles/lab-patroni-etcd.mdx`).
 */
export function buildExcerpt(source: string, request: ConfigFileRequest, where: string): Excerpt {
  const fail = (message: string): never => {
    throw new ConfigFileError(`${where}: ${describeTag(request)}: ${message}`);
  };
  // A trailing newline ends the last line; it does not start another one.
  const all = source.replace(/\n$/, '').split('\n');
  const total = all.length;

  if (request.lines !== undefined && request.marker !== undefined) {
    fail('give either lines or marker, not both.');
  }

  let first = 1;
  let last = total;
  if (request.lines !== undefined) {
    const numbers = parseLineList(request.lines, 'lines', fail);
    first = Math.min(...numbers);
    last = Math.max(...numbers);
    if (last > total) {
      fail(
        `line ${last} is past the end of ${request.path}, which has ${total} lines. Fix: use a range within 1-${total}.`,
      );
    }
  }
  if (request.marker !== undefined) {
    const start = all.findIndex((l) => MARKER.exec(l)?.[1] === 'start' && MARKER.exec(l)?.[2] === request.marker);
    if (start < 0) {
      const known = markerNames(source);
      fail(
        `there is no marker "${request.marker}" in ${request.path}. ` +
          (known.length > 0
            ? `Its markers are: ${known.join(', ')}.`
            : `It has no markers; add "# [start:${request.marker}]" and "# [end:${request.marker}]" around the lines, or use lines="…".`),
      );
    }
    const end = all.findIndex(
      (l, i) => i > start && MARKER.exec(l)?.[1] === 'end' && MARKER.exec(l)?.[2] === request.marker,
    );
    if (end < 0)
      fail(
        `marker "${request.marker}" is opened on line ${start + 1} but never closed. Fix: add "# [end:${request.marker}]".`,
      );
    first = start + 2;
    last = end;
  }

  const shown = all
    .map((text, i) => ({ number: i + 1, text }))
    .filter(({ number, text }) => number >= first && number <= last && !MARKER.test(text));
  if (shown.length === 0) fail('selects no lines to show.');
  const shownNumbers = new Set(shown.map((l) => l.number));
  const range = request.lines !== undefined || request.marker !== undefined ? `lines ${first}–${last}` : '';
  const outside = (n: number) =>
    `line ${n} is not shown (${range || `${request.path} has ${total} lines`}${MARKER.test(all[n - 1] ?? '') ? ', and it is a marker line' : ''}).`;

  const highlighted = new Set(
    request.highlight === undefined ? [] : parseLineList(request.highlight, 'highlight', fail),
  );
  for (const n of highlighted) {
    if (!shownNumbers.has(n)) fail(`highlight: ${outside(n)} Fix: highlight only lines the excerpt shows.`);
  }
  const annotations = new Map<number, string>();
  for (const [key, note] of Object.entries(request.annotations ?? {})) {
    const n = Number(key);
    if (!Number.isInteger(n) || !shownNumbers.has(n)) {
      fail(
        `annotations: ${Number.isInteger(n) ? outside(n) : `"${key}" is not a line number.`} Fix: annotate only lines the excerpt shows.`,
      );
    }
    if (note.trim() === '') fail(`annotations: the note for line ${n} is empty.`);
    annotations.set(n, note);
  }

  const lines = shown.map((l) => ({
    ...l,
    highlighted: highlighted.has(l.number),
    annotation: annotations.get(l.number),
  }));
  return { lines, text: `${lines.map((l) => l.text).join('\n')}\n`, range };
}
