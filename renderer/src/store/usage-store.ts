/** The usage view: calls to providers grouped from the attempts table (`usage.get`). */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { UsageGroup, UsageReport } from '../../../shared/usage.js';
import type { Client } from '../client/client.js';
import { errorText } from '../lib/format.js';

export interface UsageState {
  by: UsageGroup;
  /** YYYY-MM-DD, or undefined for this month. */
  since?: string;
  report?: UsageReport;
  error?: string;
  load(query?: { by?: UsageGroup; since?: string | undefined }): Promise<void>;
}

export type UsageStore = StoreApi<UsageState>;

export function createUsageStore(client: Pick<Client, 'call'>): UsageStore {
  return createStore<UsageState>()((set, get) => ({
    by: 'day',
    async load(query = {}) {
      const by = query.by ?? get().by;
      const since = 'since' in query ? query.since : get().since;
      set({ by, since });
      try {
        const report = await client.call('usage.get', { by, ...(since ? { since } : {}) });
        // A slower answer to an older choice must not replace the newer one.
        if (get().by === by && get().since === since) set({ report, error: undefined });
      } catch (error) {
        set({ error: errorText(error) });
      }
    },
  }));
}
