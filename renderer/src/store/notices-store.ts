/** App info, notices shown as banners, and the connection state of the transport. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo, Notice } from '../../../shared/contract/calls-settings.js';
import type { Client } from '../client/client.js';
import { errorText } from '../lib/format.js';
import { isStringList, readSaved, writeSaved } from '../lib/saved.js';

const DISMISSED = 'dismissed-notices';
/** A notice dismissed stays dismissed; the same id with new text is news and shows again. */
const dismissalOf = (n: Notice) => `${n.id}\n${n.text}`;

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
  const dismissed = new Set(readSaved(DISMISSED, isStringList) ?? []);
  const merge = (list: Notice[], more: Notice[]): Notice[] => {
    const byId = new Map(list.map((n) => [n.id, n]));
    for (const n of more) if (!dismissed.has(dismissalOf(n))) byId.set(n.id, n);
    return [...byId.values()];
  };
  return createStore<NoticesState>()((set, get) => ({
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
      const notice = get().notices.find((n) => n.id === id);
      if (notice) {
        dismissed.add(dismissalOf(notice));
        // The last 200 are plenty; the list never grows without bound.
        writeSaved(DISMISSED, [...dismissed].slice(-200));
      }
      set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
    setConnection(connection) {
      set({ connection });
    },
  }));
}
