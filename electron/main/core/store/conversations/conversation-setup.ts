/**
 * A conversation's own setup, apart from its messages: title and where it came
 * from, the pin to the top of the list, its system prompt, generation settings
 * and pinned route, and which of a compare's answers the history continues from.
 */
import type { Database } from 'better-sqlite3';
import type { ConversationSummary, Message } from '../../../../../shared/chat.js';
import { messageFromRow, type MessageRow } from './message-rows.js';

export interface SetupRow {
  title_source: 'prompt' | 'generated' | 'user';
  pinned_at: number | null;
  system_prompt: string | null;
  temperature: number | null;
  max_output_tokens: number | null;
  task_pin: string | null;
  provider_pin: string | null;
  model_pin: string | null;
}

/** null clears a field; undefined leaves it as it is. */
export interface ConversationPatch {
  title?: string;
  pinnedAt?: number | null;
  systemPrompt?: string | null;
  temperature?: number | null;
  maxOutputTokens?: number | null;
  taskPin?: string | null;
  providerPin?: string | null;
  modelPin?: string | null;
}

const COLUMN: Record<Exclude<keyof ConversationPatch, 'title'>, keyof SetupRow> = {
  pinnedAt: 'pinned_at',
  systemPrompt: 'system_prompt',
  temperature: 'temperature',
  maxOutputTokens: 'max_output_tokens',
  taskPin: 'task_pin',
  providerPin: 'provider_pin',
  modelPin: 'model_pin',
};

/** Longest title kept; the sidebar shows less. */
export const MAX_TITLE_CHARS = 80;

export function setupOf(r: SetupRow): Partial<ConversationSummary> {
  const out: Partial<ConversationSummary> = { titleSource: r.title_source };
  if (r.pinned_at !== null) out.pinnedAt = r.pinned_at;
  // An empty prompt is no prompt: nothing is sent for it.
  if (r.system_prompt) out.systemPrompt = r.system_prompt;
  if (r.temperature !== null) out.temperature = r.temperature;
  if (r.max_output_tokens !== null) out.maxOutputTokens = r.max_output_tokens;
  if (r.task_pin !== null) out.taskPin = r.task_pin;
  if (r.provider_pin !== null) out.providerPin = r.provider_pin;
  if (r.model_pin !== null) out.modelPin = r.model_pin;
  return out;
}

export function conversationSetup(db: Database, summary: (id: string) => ConversationSummary | undefined) {
  const generated = db.prepare("UPDATE conversations SET title = ?, title_source = 'generated' WHERE id = ? AND title_source = 'prompt'");
  const setAside = db.prepare('UPDATE messages SET set_aside = (id <> @messageId) WHERE conversation_id = @conversationId AND compare_id = @compareId');
  const answer = db.prepare<[string, string, string]>("SELECT * FROM messages WHERE id = ? AND conversation_id = ? AND compare_id = ? AND status = 'done'");
  return {
    update(id: string, patch: ConversationPatch): ConversationSummary | undefined {
      const sets: string[] = [];
      const values: unknown[] = [];
      if (patch.title !== undefined) {
        sets.push('title = ?', "title_source = 'user'");
        values.push(patch.title.trim().slice(0, MAX_TITLE_CHARS) || 'New chat');
      }
      for (const [key, column] of Object.entries(COLUMN) as [keyof typeof COLUMN, keyof SetupRow][]) {
        const value = patch[key];
        if (value === undefined) continue;
        sets.push(`${column} = ?`);
        values.push(value);
      }
      if (sets.length > 0) db.prepare(`UPDATE conversations SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
      return summary(id);
    },
    setGeneratedTitle(id: string, title: string): ConversationSummary | undefined {
      return generated.run(title.slice(0, MAX_TITLE_CHARS), id).changes > 0 ? summary(id) : undefined;
    },
    pickCompared(conversationId: string, compareId: string, messageId: string): Message | undefined {
      return db.transaction(() => {
        const row = answer.get(messageId, conversationId, compareId) as MessageRow | undefined;
        if (!row) return undefined;
        setAside.run({ messageId, conversationId, compareId });
        return messageFromRow({ ...row, set_aside: 0 }, undefined);
      }).immediate();
    },
  };
}
