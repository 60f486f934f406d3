/**
 * An error in what an author wrote (content, frontmatter, the lab's files), whose message already
 * names the file, the line and the fix. It carries no stack trace: Astro would print the trace's
 * first frame as the error's "Location", pointing the author at our code instead of their file.
 */
export class AuthorError extends Error {
  override name = 'AuthorError';

  constructor(message: string) {
    super(message);
    this.stack = `${this.name}: ${message}`;
  }
}
