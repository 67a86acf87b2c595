/** The screen state's guard: with unsaved edits, leaving waits for the user's answer; providers without a key are not set up. */
import { describe, expect, it } from 'vitest';
import { createUiStore } from '../../../renderer/src/store/ui-store.js';
import { isActive, isSetUp, matchesQuery, setUpFirst } from '../../../renderer/src/lib/provider-setup.js';
import { resolveTheme } from '../../../renderer/src/lib/theme.js';
import type { ProviderView } from '../../../shared/providers.js';

describe('leaving with unsaved edits', () => {
  it('goes at once when nothing is unsaved', () => {
    const ui = createUiStore();
    ui.getState().go('settings', 'routing');
    expect([ui.getState().screen, ui.getState().tab, ui.getState().pending]).toEqual(['settings', 'routing', undefined]);
  });

  it('asks first, stays on "keep editing", and goes where asked on "discard"', () => {
    const ui = createUiStore();
    ui.getState().go('settings', 'routing');
    ui.getState().setUnsaved('your routing edits');
    ui.getState().go('settings', 'providers');
    expect([ui.getState().tab, ui.getState().pending]).toEqual(['routing', { screen: 'settings', tab: 'providers' }]);
    ui.getState().stay();
    expect([ui.getState().tab, ui.getState().pending, ui.getState().unsaved]).toEqual(['routing', undefined, 'your routing edits']);
    ui.getState().go('chat');
    ui.getState().leave();
    expect([ui.getState().screen, ui.getState().unsaved, ui.getState().pending]).toEqual(['chat', undefined, undefined]);
  });

  it('runs a change within the screen at once, or only after "discard" while edits are unsaved', () => {
    const ui = createUiStore();
    ui.getState().go('settings', 'presets');
    const chosen: string[] = [];
    ui.getState().guard(() => chosen.push('first'));
    expect(chosen).toEqual(['first']);
    ui.getState().setUnsaved('your edits to the preset “Reviewer”');
    ui.getState().guard(() => chosen.push('second'));
    expect([chosen, ui.getState().pending?.tab]).toEqual([['first'], 'presets']);
    ui.getState().stay();
    expect([chosen, ui.getState().unsaved]).toEqual([['first'], 'your edits to the preset “Reviewer”']);
    ui.getState().guard(() => chosen.push('third'));
    ui.getState().leave();
    expect([chosen, ui.getState().screen, ui.getState().tab, ui.getState().unsaved, ui.getState().pending]).toEqual([['first', 'third'], 'settings', 'presets', undefined, undefined]);
  });

  it('does not ask when the user goes where they already are', () => {
    const ui = createUiStore();
    ui.getState().go('settings', 'routing');
    ui.getState().setUnsaved('your routing edits');
    ui.getState().go('settings');
    expect(ui.getState().pending).toBeUndefined();
  });
});

const view = (id: string, source: ProviderView['key']['source'], enabled = true): ProviderView => ({
  id,
  kind: 'openai-compatible',
  name: id.toUpperCase(),
  baseURL: `https://${id}.example/v1`,
  enabled,
  models: [],
  key: { provider: id, source },
});

describe('providers set up or not', () => {
  it('counts only providers with a key (or needing none) as usable, and lists them first', () => {
    const list = [view('a', 'none'), view('b', 'keychain'), view('c', 'not_needed'), view('d', 'env', false)];
    expect(list.map(isSetUp)).toEqual([false, true, true, true]);
    expect(list.map(isActive)).toEqual([false, true, true, false]);
    expect(setUpFirst(list).map((p) => p.id)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('finds providers by name, id, kind or URL', () => {
    expect(matchesQuery(view('groq', 'none'), 'GRO')).toBe(true);
    expect(matchesQuery(view('groq', 'none'), 'example')).toBe(true);
    expect(matchesQuery(view('groq', 'none'), 'anthropic')).toBe(false);
    expect(matchesQuery(view('groq', 'none'), '  ')).toBe(true);
  });
});

describe('themes', () => {
  it('follows the system only when asked to', () => {
    expect([resolveTheme('system', true), resolveTheme('system', false), resolveTheme('light', true), resolveTheme('dark', false)]).toEqual(['dark', 'light', 'light', 'dark']);
  });
});
