/** The reader's theme choice; `system` means "follow prefers-color-scheme". */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** The localStorage key; the inline head script reads the same key before first paint. */
export const THEME_STORAGE_KEY = 'cde-theme';

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return value === 'system' || value === 'light' || value === 'dark';
}

export function readStoredTheme(storage: Pick<Storage, 'getItem'>): ThemeChoice {
  try {
    const value = storage.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(value) ? value : 'system';
  } catch {
    // Storage can throw when disabled (privacy modes); fall back to the system theme.
    return 'system';
  }
}

export function storeTheme(storage: Pick<Storage, 'setItem' | 'removeItem'>, choice: ThemeChoice): void {
  try {
    if (choice === 'system') storage.removeItem(THEME_STORAGE_KEY);
    else storage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // The choice then lasts for this page view only.
  }
}

/** Pins the theme with data-theme, or removes it to follow the system. */
export function applyTheme(root: HTMLElement, choice: ThemeChoice): void {
  if (choice === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = choice;
}
