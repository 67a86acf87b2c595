/**
 * Conversations as files from the app: one as JSON or Markdown, all of them as
 * a JSON backup, and the import of either (always new conversations; a file
 * that is not one answers in words and changes nothing). Keys are never in a file.
 */
import { z } from 'zod';
import { ConversationSummarySchema } from '../chat.js';
import { defineCall } from './define.js';

const File = z.object({ fileName: z.string(), text: z.string() });

/** Big enough for years of chats; the browser host's socket takes up to 8 MB a message. */
export const MAX_IMPORT_CHARS = 100_000_000;

export const transferCalls = {
  'conversations.export': defineCall(z.object({ id: z.string().min(1).max(100), format: z.enum(['json', 'md']).default('json') }), File),
  'conversations.backup': defineCall(z.object({}).default({}), File.extend({ count: z.number().int().nonnegative() })),
  'conversations.import': defineCall(
    z.object({ text: z.string().max(MAX_IMPORT_CHARS, 'this file is too large to be a Switchboard backup') }),
    z.object({ imported: z.array(ConversationSummarySchema) }),
  ),
};
