/** Which screen and settings tab are showing. */
import { createStore, type StoreApi } from 'zustand/vanilla';

export type Screen = 'chat' | 'health' | 'settings';
export type SettingsTab = 'providers' | 'routing' | 'local' | 'budgets' | 'api' | 'import' | 'general';

export interface UiState {
  screen: Screen;
  tab: SettingsTab;
  go(screen: Screen, tab?: SettingsTab): void;
}

export type UiStore = StoreApi<UiState>;

export function createUiStore(): UiStore {
  return createStore<UiState>()((set) => ({
    screen: 'chat',
    tab: 'providers',
    go(screen, tab) {
      set((s) => ({ screen, tab: tab ?? s.tab }));
    },
  }));
}
