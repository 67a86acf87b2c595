import { describe, expect, it } from 'vitest';
import { isMacPlatform, keyNames, matches, SHORTCUTS, shortcutLabel } from '../../../renderer/src/lib/shortcuts.js';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('keyboard shortcuts', () => {
  it('use Ctrl on Linux and Windows and Cmd on macOS, never both', () => {
    expect(matches('Mod+K', key('k', { ctrlKey: true }), false)).toBe(true);
    expect(matches('Mod+K', key('k', { metaKey: true }), false)).toBe(false);
    expect(matches('Mod+K', key('k', { metaKey: true }), true)).toBe(true);
    expect(matches('Mod+K', key('k', { ctrlKey: true }), true)).toBe(false);
    expect(matches('Mod+K', key('k', { ctrlKey: true, metaKey: true }), false)).toBe(false);
  });

  it('tell Shift apart for letters, and take a symbol however it is typed', () => {
    expect(matches('Mod+Shift+O', key('O', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(matches('Mod+Shift+O', key('o', { ctrlKey: true }), false)).toBe(false);
    expect(matches('?', key('?', { shiftKey: true }), false)).toBe(true);
    expect(matches('Escape', key('Escape', { shiftKey: true }), false)).toBe(false);
    expect(matches('Shift+Escape', key('Escape', { shiftKey: true }), false)).toBe(true);
    expect(matches('Alt+ArrowDown', key('ArrowDown'), false)).toBe(false);
  });

  it('are named as each platform names its keys', () => {
    expect(keyNames('Mod+Shift+O', false)).toEqual(['Ctrl', 'Shift', 'O']);
    expect(keyNames('Mod+Shift+O', true)).toEqual(['⌘', '⇧', 'O']);
    expect(shortcutLabel('search', false)).toBe('Ctrl+K');
    expect(shortcutLabel('search', true)).toBe('⌘K');
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('Linux x86_64')).toBe(false);
  });

  it('cover every action the issue names, each with keys of its own', () => {
    const ids = new Set(SHORTCUTS.map((s) => s.id));
    for (const id of ['new-chat', 'focus-composer', 'search', 'stop', 'next-conversation', 'previous-conversation', 'settings', 'shortcuts'] as const) expect(ids.has(id)).toBe(true);
    const keys = SHORTCUTS.map((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
