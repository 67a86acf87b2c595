/**
 * The app's keyboard shortcuts, declared once: the key handler matches them and
 * the `?` overlay lists them. `Mod` is Cmd on macOS and Ctrl elsewhere. Keys a
 * browser keeps for itself (Ctrl+N, Ctrl+T, Ctrl+Tab) are avoided, so the same
 * shortcuts work in browser mode.
 */
export type ShortcutId = 'new-chat' | 'focus-composer' | 'search' | 'stop' | 'next-conversation' | 'previous-conversation' | 'settings' | 'shortcuts';

/** Where focus may be: `anywhere`, the composer or outside text fields (`outside-fields`), or `outside-fields` only. */
export type Reach = 'anywhere' | 'composer' | 'outside-fields';

export interface Shortcut {
  id: ShortcutId;
  keys: string;
  label: string;
  reach: Reach;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'new-chat', keys: 'Mod+Shift+O', label: 'New chat', reach: 'anywhere' },
  { id: 'focus-composer', keys: 'Shift+Escape', label: 'Focus the message box', reach: 'anywhere' },
  { id: 'search', keys: 'Mod+K', label: 'Search messages', reach: 'anywhere' },
  { id: 'stop', keys: 'Escape', label: 'Stop the answer', reach: 'composer' },
  { id: 'next-conversation', keys: 'Alt+ArrowDown', label: 'Next conversation', reach: 'anywhere' },
  { id: 'previous-conversation', keys: 'Alt+ArrowUp', label: 'Previous conversation', reach: 'anywhere' },
  { id: 'settings', keys: 'Mod+,', label: 'Open settings', reach: 'anywhere' },
  { id: 'shortcuts', keys: '?', label: 'Show these shortcuts', reach: 'outside-fields' },
  { id: 'shortcuts', keys: 'Mod+/', label: 'Show these shortcuts', reach: 'anywhere' },
];

export function isMacPlatform(platform: string): boolean {
  return /Mac|iPhone|iPad/i.test(platform);
}

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function matches(keys: string, e: KeyLike, mac: boolean): boolean {
  const parts = keys.split('+');
  const key = parts.pop() ?? '';
  const want = new Set(parts);
  const mod = mac ? e.metaKey : e.ctrlKey;
  const other = mac ? e.ctrlKey : e.metaKey;
  if (mod !== want.has('Mod') || other || e.altKey !== want.has('Alt')) return false;
  // A printable symbol carries its own Shift ("?" is Shift+/ on most layouts).
  const symbol = key.length === 1 && !/[a-z0-9]/i.test(key);
  if (!symbol && e.shiftKey !== want.has('Shift')) return false;
  return e.key.toLowerCase() === key.toLowerCase();
}

const NAMES: Record<string, [mac: string, other: string]> = {
  Mod: ['⌘', 'Ctrl'],
  Shift: ['⇧', 'Shift'],
  Alt: ['⌥', 'Alt'],
  Escape: ['Esc', 'Esc'],
  ArrowUp: ['↑', '↑'],
  ArrowDown: ['↓', '↓'],
};

/** The keys as this platform's users name them: ["Ctrl", "Shift", "O"] or ["⌘", "⇧", "O"]. */
export function keyNames(keys: string, mac: boolean): string[] {
  return keys.split('+').map((k) => NAMES[k]?.[mac ? 0 : 1] ?? k.toUpperCase());
}

export function shortcutLabel(id: ShortcutId, mac: boolean): string {
  const s = SHORTCUTS.find((x) => x.id === id);
  return s ? keyNames(s.keys, mac).join(mac ? '' : '+') : '';
}
