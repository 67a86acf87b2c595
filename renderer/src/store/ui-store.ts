/** Which screen and settings tab are showing, and the guard that keeps unsaved edits from vanishing on the way out. */
import { createStore, type StoreApi } from 'zustand/vanilla';

export type Screen = 'chat' | 'compare' | 'health' | 'settings';
export type SettingsTab = 'providers' | 'routing' | 'presets' | 'local' | 'budgets' | 'api' | 'import' | 'general';

export interface UiState {
  screen: Screen;
  tab: SettingsTab;
  /** What would be lost by leaving ("your routing edits"); set by a form with unsaved edits. */
  unsaved?: string;
  /**
   * Where the user asked to go while `unsaved` was set, and what else they asked
   * for (another preset in the same tab): the question is showing.
   */
  pending?: { screen: Screen; tab: SettingsTab; then?: () => void };
  /** The conversation list is hidden, to give a narrow window's width to the screen. */
  sidebarCollapsed: boolean;
  go(screen: Screen, tab?: SettingsTab): void;
  /** Runs `then` now, or once the user agrees to discard the unsaved edits it would drop. */
  guard(then: () => void): void;
  toggleSidebar(): void;
  setUnsaved(what: string | undefined): void;
  /** The user chose to leave and discard the edits. */
  leave(): void;
  /** The user chose to stay with the edits. */
  stay(): void;
}

export type UiStore = StoreApi<UiState>;

const SIDEBAR_KEY = 'switchboard.sidebarCollapsed';

/** A layout choice of this window's, not a setting: remembered in the browser's storage where there is one. */
function remembered(): boolean {
  try {
    return globalThis.localStorage?.getItem(SIDEBAR_KEY) === 'true';
  } catch {
    return false;
  }
}

function remember(collapsed: boolean): void {
  try {
    globalThis.localStorage?.setItem(SIDEBAR_KEY, String(collapsed));
  } catch {
    // No storage: the choice lasts until the window closes.
  }
}

export function createUiStore(): UiStore {
  return createStore<UiState>()((set, get) => ({
    screen: 'chat',
    tab: 'providers',
    sidebarCollapsed: remembered(),
    toggleSidebar() {
      const sidebarCollapsed = !get().sidebarCollapsed;
      remember(sidebarCollapsed);
      set({ sidebarCollapsed });
    },
    go(screen, tab) {
      const s = get();
      const to = { screen, tab: tab ?? s.tab };
      if (to.screen === s.screen && to.tab === s.tab) return;
      if (s.unsaved) set({ pending: to });
      else set(to);
    },
    guard(then) {
      const s = get();
      if (s.unsaved) set({ pending: { screen: s.screen, tab: s.tab, then } });
      else then();
    },
    setUnsaved(what) {
      set({ unsaved: what });
    },
    leave() {
      const pending = get().pending;
      set({ unsaved: undefined, pending: undefined, ...(pending ? { screen: pending.screen, tab: pending.tab } : {}) });
      pending?.then?.();
    },
    stay() {
      set({ pending: undefined });
    },
  }));
}
