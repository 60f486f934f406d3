/**
 * The search shortcut, in its own module because it ships on every page (the rest of search
 * loads on first use).
 */

/** What the keyboard shortcut check needs to know of a keydown event. */
export interface ShortcutKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * True when a keydown should open search: `/` (unless the reader is typing in a field, where it
 * is a character) or Ctrl+K / Cmd+K anywhere.
 */
export function isSearchShortcut(event: ShortcutKey, typing: boolean): boolean {
  if (event.altKey) return false;
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !typing;
}
