/** A fresh data folder with switchboard.db opened in it, and messages to put there. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Attempt, Message } from '../../../shared/chat.js';
import { openStorage, type Storage } from '../../../electron/main/core/store/storage.js';

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'sb-store-'));

export function freshStorage(dir = tempDir()): Storage & { dir: string } {
  return Object.assign(openStorage(dir), { dir });
}

export const message = (conversationId: string, id: string, text: string, extra: Partial<Message> = {}): Message => ({
  id,
  conversationId,
  role: 'assistant',
  text,
  createdAt: 1,
  status: 'done',
  ...extra,
});

export const attempt = (extra: Partial<Attempt> = {}): Attempt => ({
  provider: 'gpt',
  model: 'gpt-4o-mini',
  outcome: 'ok',
  startedAt: Date.now(),
  ms: 120,
  ttftMs: 40,
  usage: { inputTokens: 10, outputTokens: 20 },
  costUsd: 0.001,
  ...extra,
});
