/** WCAG 2.2 AA and everything below it: the axe rule tags every accessibility check uses. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
