/** A heading's id and its distance from the top of the viewport (getBoundingClientRect().top). */
export interface HeadingPosition {
  id: string;
  top: number;
}

/**
 * The section being read: the last heading that has scrolled past a line a quarter of the way
 * down the viewport; before the first heading reaches it, none. Headings are in document order.
 */
export function activeSection(headings: readonly HeadingPosition[], viewportHeight: number): string | undefined {
  const line = viewportHeight / 4;
  let active: string | undefined;
  for (const heading of headings) {
    if (heading.top <= line) active = heading.id;
    else break;
  }
  return active;
}
