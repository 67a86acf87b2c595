/** Handlers for exporting and importing conversations from the app. */
import type { Database } from 'better-sqlite3';
import type { transferCalls } from '../../../../shared/contract/calls-transfer.js';
import type { Handlers } from '../../../../shared/contract/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../router/types.js';
import { exportAll, exportOne, importAll, readTransfer } from '../store/conversations/backup.js';
import type { ConversationStore } from '../store/conversations/conversation-store.js';

type TransferHandlers = Pick<Handlers, keyof typeof transferCalls>;

export function transferHandlers(deps: { db: Database; conversations: ConversationStore; events: EventBus; clock: Pick<Clock, 'now'>; scrub: (text: string) => string }): TransferHandlers {
  return {
    'conversations.export': async ({ id, format }) => {
      const file = exportOne(deps.conversations, id, format, deps.scrub);
      if (!file) throw new Error('That conversation no longer exists.');
      return file;
    },
    'conversations.backup': async () => exportAll(deps.conversations, deps.clock.now(), deps.scrub),
    'conversations.import': async ({ text }) => {
      const read = readTransfer(text);
      if (!read.ok) throw new Error(read.message);
      const imported = importAll(deps.db, deps.conversations, read.docs, deps.clock.now());
      for (const conversation of imported) deps.events.emit('conversations.updated', { conversation });
      return { imported };
    },
  };
}
