/**
 * The router's breakers, cooldowns, flagged models and shown budget notices in
 * switchboard.db, one row per key. A save only marks the snapshot dirty; the
 * write happens on the next turn of the event loop, once the answer is handed
 * over, and writes only the keys that changed since this process last read or
 * wrote them, so the app and a CLI updating different providers keep both
 * updates. Usage counters and recent attempts are not kept here: the router
 * reads them from the attempts table.
 */
import type { Database } from 'better-sqlite3';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { z } from 'zod';
import { FlaggedTargetSchema, ProviderStateSchema, UsageCountersSchema, type RouterSnapshot, type RouterStateStore } from '../router/state.js';

const PROVIDER = 'provider:';

export interface DbStateStore extends RouterStateStore {
  /** Writes the snapshot now, in the caller's transaction if there is one; throws when it cannot. */
  writeNow(snapshot: RouterSnapshot): void;
}

export function createDbStateStore(db: Database, now: () => number = Date.now): DbStateStore {
  const readAll = db.prepare('SELECT key, value FROM router_state');
  const upsert = db.prepare(
    'INSERT INTO router_state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  /** What this process last read or wrote per key. */
  const known = new Map<string, string>();
  let pending: RouterSnapshot | undefined;
  let writing: Promise<void> | undefined;

  function rowsOf(snapshot: RouterSnapshot): Map<string, string> {
    const rows = new Map<string, string>();
    for (const [id, ps] of Object.entries(snapshot.providers)) rows.set(PROVIDER + id, JSON.stringify(ps));
    rows.set('flagged', JSON.stringify(snapshot.flagged));
    const { day, month, warned } = snapshot.usage;
    rows.set('usage', JSON.stringify({ day, month, warned }));
    return rows;
  }

  function writeNow(snapshot: RouterSnapshot): void {
    const changed = [...rowsOf(snapshot)].filter(([key, value]) => known.get(key) !== value);
    if (changed.length === 0) return;
    db.transaction(() => changed.forEach(([key, value]) => upsert.run(key, value, now()))).immediate();
    changed.forEach(([key, value]) => known.set(key, value));
  }

  function write(snapshot: RouterSnapshot): void {
    try {
      writeNow(snapshot);
    } catch {
      // A full or locked disk costs the memory of cooldowns, never a chat; the next save tries again.
    }
  }

  async function drain(): Promise<void> {
    await nextTurn();
    while (pending) {
      const snapshot = pending;
      pending = undefined;
      write(snapshot);
    }
  }

  function kick(): void {
    if (writing || !pending) return;
    writing = drain().finally(() => {
      writing = undefined;
      kick();
    });
  }

  return {
    writeNow,
    load() {
      const snapshot: Record<string, unknown> = { version: 1, providers: {} };
      const providers: Record<string, unknown> = {};
      for (const { key, value } of readAll.all() as { key: string; value: string }[]) {
        const parsed = parseRow(key, value);
        if (parsed === undefined) continue;
        known.set(key, value);
        if (key.startsWith(PROVIDER)) providers[key.slice(PROVIDER.length)] = parsed;
        else snapshot[key] = parsed;
      }
      if (known.size === 0) return undefined;
      // Without its usage row the day is unknown: the router starts the day's notices afresh.
      return { usage: { day: '', month: '' }, ...snapshot, providers };
    },
    save(snapshot) {
      pending = snapshot;
      kick();
    },
    async flush() {
      while (writing) await writing;
      if (pending) write(pending);
      pending = undefined;
    },
  };
}

const UsageRowSchema = UsageCountersSchema.pick({ day: true, month: true, warned: true });

/** Every row is validated; one that does not parse is skipped, never the whole state. */
function parseRow(key: string, value: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return undefined;
  }
  const schema = key.startsWith(PROVIDER) ? ProviderStateSchema : key === 'flagged' ? z.array(FlaggedTargetSchema) : key === 'usage' ? UsageRowSchema : undefined;
  const parsed = schema?.safeParse(json);
  return parsed?.success ? parsed.data : undefined;
}
