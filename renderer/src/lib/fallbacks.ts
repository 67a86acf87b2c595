/** The fallbacks of a message in words, live ones first, else derived from its attempts. */
import type { Message } from '../../../shared/chat.js';
import { ERROR_KIND_LABELS } from '../../../shared/errors.js';
import type { FallbackNote } from '../store/chat-data.js';

export function fallbacksOf(message: Message, live: FallbackNote[]): FallbackNote[] {
  if (live.length > 0) return live;
  const attempts = message.attempts ?? [];
  const notes: FallbackNote[] = [];
  for (let i = 1; i < attempts.length; i += 1) {
    const before = attempts[i - 1];
    const after = attempts[i];
    if (!before || !after || after.hedge || before.outcome !== 'error') continue;
    notes.push({
      from: before.provider,
      to: after.provider,
      reason: before.errorKind ? ERROR_KIND_LABELS[before.errorKind] : (before.message ?? 'failed'),
    });
  }
  return notes;
}
