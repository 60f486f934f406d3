/**
 * An error in what an author wrote (content, frontmatter, the lab's files), whose message already
 * names the file, the line and the fix. It carries no stack trace: Astro would print the trace's
 * first frame as the error's "Location", pointing the author at our code instead of their file.
 */
export class AuthorError extends Error {
  override name = 'AuthorError';
  /** The line of the first problem, when known: Astro's MDX plugin reports it as the location. */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(message: string, line?: number) {
    super(message);
    this.stack = `${this.name}: ${message}`;
    this.line = line;
    this.column = line === undefined ? undefined : 1;
  }
}
