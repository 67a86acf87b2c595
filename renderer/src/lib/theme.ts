/**
 * The theme in force: the user's choice, or the system's when they chose
 * `system` (followed live). Resolved here to data-theme on <html>, which the
 * stylesheets read. The choice is also kept in localStorage so the first paint,
 * before settings arrive, already has the right colours.
 */
import type { Theme } from '../../../shared/settings.js';

const KEY = 'switchboard.theme';
const DARK = '(prefers-color-scheme: dark)';

export function resolveTheme(theme: Theme, systemDark: boolean): 'light' | 'dark' {
  if (theme === 'system') return systemDark ? 'dark' : 'light';
  return theme;
}

export function rememberedTheme(): Theme {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/** One follower of the system's setting at a time: a later choice replaces the earlier one. */
let stopFollowing: () => void = () => undefined;

/** Applies a theme, following the system while it is `system`. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  stopFollowing();
  stopFollowing = () => undefined;
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Storage off (a locked-down profile): the first paint uses the system's theme, nothing else changes.
  }
  const query = window.matchMedia(DARK);
  const set = () => {
    root.dataset.theme = resolveTheme(theme, query.matches);
  };
  set();
  if (theme !== 'system') return;
  query.addEventListener('change', set);
  stopFollowing = () => query.removeEventListener('change', set);
}
