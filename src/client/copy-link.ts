/**
 * Words of the "copy link" control. A self-link's screen-reader text is "Link to section: X"
 * (or "Link to entry: X", or a diagram's "Link to the figure “X”"); the button and the
 * announcement reuse it.
 */

/** "Link to section: Lag" becomes "Copy link to section: Lag". */
export function copyLabel(selfLinkName: string): string {
  if (selfLinkName === '') return 'Copy link';
  return `Copy ${selfLinkName.charAt(0).toLowerCase()}${selfLinkName.slice(1)}`;
}

/**
 * "Link to section: Lag" becomes "Link to section “Lag” copied."; a name that quotes its target
 * already ("Link to the figure “Two replicas”") is kept as it is.
 */
export function copiedMessage(selfLinkName: string): string {
  if (selfLinkName === '') return 'Link copied.';
  const [kind, ...rest] = selfLinkName.split(': ');
  const what = rest.join(': ');
  if (!kind || what === '') return `${selfLinkName} copied.`;
  return `${kind} “${what}” copied.`;
}
