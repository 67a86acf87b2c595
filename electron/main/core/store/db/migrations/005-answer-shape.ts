/**
 * Version 5: what the chat shows about how an answer ended. `finish` is
 * 'length' when the answer stopped at the output limit (it offers Continue and
 * the next request says it was cut), `seams` is JSON of where another provider
 * carried the stream on, and `usage_estimated` marks token counts estimated
 * from the text because the provider never reported them (a stopped stream).
 */
import type { Migration } from '../migrate.js';

export const answerShape: Migration = {
  version: 5,
  up: `
    ALTER TABLE messages ADD COLUMN finish TEXT CHECK (finish IN ('length'));
    ALTER TABLE messages ADD COLUMN seams TEXT;
    ALTER TABLE messages ADD COLUMN usage_estimated INTEGER NOT NULL DEFAULT 0;
  `,
};
