/**
 * Version 6: what a conversation carries besides its messages: where its title
 * came from (so a generated title never replaces one the user typed), a pin to
 * the top of the list, its own system prompt and generation settings, and the
 * task type or provider pinned for all its messages. Messages gain the compare
 * they came from and whether they were set aside (a compared answer not picked:
 * kept and searchable, never sent to a provider again).
 */
import type { Migration } from '../migrate.js';

export const conversationSetup: Migration = {
  version: 6,
  up: `
    ALTER TABLE conversations ADD COLUMN title_source TEXT NOT NULL DEFAULT 'prompt' CHECK (title_source IN ('prompt', 'generated', 'user'));
    ALTER TABLE conversations ADD COLUMN pinned_at INTEGER;
    ALTER TABLE conversations ADD COLUMN system_prompt TEXT;
    ALTER TABLE conversations ADD COLUMN temperature REAL;
    ALTER TABLE conversations ADD COLUMN max_output_tokens INTEGER;
    ALTER TABLE conversations ADD COLUMN task_pin TEXT;
    ALTER TABLE conversations ADD COLUMN provider_pin TEXT;
    ALTER TABLE conversations ADD COLUMN model_pin TEXT;
    ALTER TABLE messages ADD COLUMN compare_id TEXT;
    ALTER TABLE messages ADD COLUMN set_aside INTEGER NOT NULL DEFAULT 0;
  `,
};
