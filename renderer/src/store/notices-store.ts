/** App info, notices shown as banners, and the connection state of the transport. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo, Notice } from '../../../shared/contract/calls-settings.js';
import type { Client } from '../client/client.js';
import { errorText } from '../lib/format.js';

export interface NoticesState {
  info?: AppInfo;
  infoError?: string;
  notices: Notice[];
  connection: 'connected' | 'reconnecting';
  loadInfo(): Promise<void>;
  add(notice: Notice): void;
  dismiss(id: string): void;
  setConnection(status: 'connected' | 'reconnecting'): void;
}

export type NoticesStore = StoreApi<NoticesState>;

export function createNoticesStore(client: Pick<Client, 'call'>): NoticesStore {
  const dismissed = new Set<string>();
  const merge = (list: Notice[], more: Notice[]): Notice[] => {
    const byId = new Map(list.map((n) => [n.id, n]));
    for (const n of more) if (!dismissed.has(n.id)) byId.set(n.id, n);
    return [...byId.values()];
  };
  return createStore<NoticesState>()((set) => ({
    notices: [],
    connection: 'connected',
    async loadInfo() {
      try {
        const info = await client.call('app.info', {});
        set((s) => ({ info, infoError: undefined, notices: merge(s.notices, info.notices) }));
      } catch (error) {
        set({ infoError: errorText(error) });
      }
    },
    add(notice) {
      set((s) => ({ notices: merge(s.notices, [notice]) }));
    },
    dismiss(id) {
      dismissed.add(id);
      set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
    setConnection(connection) {
      set({ connection });
    },
  }));
}
