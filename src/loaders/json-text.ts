/**
 * JSON files that people edit by hand (content/redirects.json, content/anchors.json) read with
 * their lines: what is wrong is said as `line:column: reason. Fix: …`, with the usual causes
 * (a comma after the last entry, a merge conflict left in the file) spelt out. Pure.
 */

/** 1-based line and column of a character offset. */
export function textPosition(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Why `text` is not JSON, as `line:column: what. Fix: how`, or undefined when it parses.
 * `fix` is the advice for a fault with no usual cause (how this file is written).
 */
export function jsonSyntaxProblem(text: string, fix: string): string | undefined {
  // A merge that stopped halfway leaves its markers at the start of lines; JSON.parse would only
  // say "unexpected token" somewhere near them.
  const conflict = /^(<{7}|={7}|>{7})(?:[ \t].*)?$/m.exec(text);
  if (conflict) {
    const at = textPosition(text, conflict.index);
    return (
      `${at.line}:1: a merge conflict marker (${conflict[1]}) is left in the file. Fix: keep the entries of both ` +
      'sides, and remove the marker lines.'
    );
  }
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
    // A trailing comma: the parser stops at the } or ] after it; name the comma's own line.
    const comma = /,\s*$/.exec(text.slice(0, offset));
    if (comma && /^\s*[}\]]/.test(text.slice(offset))) {
      const at = textPosition(text, comma.index);
      return `${at.line}:${at.column}: a comma after the last entry, which JSON does not allow. Fix: remove that comma.`;
    }
    const at = textPosition(text, Math.min(offset, text.length));
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/\.$/, '');
    return `${at.line}:${at.column}: not valid JSON (${reason}). Fix: ${fix}`;
  }
}
