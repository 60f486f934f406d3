/**
 * Words of the "copy link" control. A self-link's screen-reader text is "Link to section: X"
 * (or "Link to figure: X", "Link to entry: X"); the button and the announcement reuse it.
 */

/** "Link to section: Lag" becomes "Copy link to section: Lag". */
export function copyLabel(selfLinkName: string): string {
  if (selfLinkName === '') return 'Copy link';
  return `Copy ${selfLinkName.charAt(0).toLowerCase()}${selfLinkName.slice(1)}`;
}

/** "Link to section: Lag" becomes "Link to section “Lag” copied." */
export function copiedMessage(selfLinkName: string): string {
  const [kind, ...rest] = selfLinkName.split(': ');
  const what = rest.join(': ');
  if (!kind || what === '') return 'Link copied.';
  return `${kind} “${what}” copied.`;
}
