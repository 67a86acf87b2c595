/**
 * Streamed text can arrive at thousands of tokens a second; a renderer only needs
 * it once per frame. This merges `chat.delta` events per message and flushes at
 * most once per interval (~16 ms), keeping every other event in order: pending
 * text is flushed before any non-delta event so `chat.done` never overtakes text.
 * A message's first text goes at once: that is the first token the user waits for.
 */
import type { EventName, EventPayload } from '../../../../shared/contract/index.js';
import { realClock, type Clock } from '../clock.js';
import type { AnyEventListener } from './event-bus.js';

export const FRAME_MS = 16;

export function createDeltaCoalescer(forward: AnyEventListener, clock: Clock = realClock, frameMs = FRAME_MS) {
  // Insertion-ordered, so several streaming messages flush in the order they began.
  const pending = new Map<string, EventPayload<'chat.delta'>>();
  /** Messages whose first text has gone out, until they end. */
  const started = new Set<string>();
  let cancelTimer: (() => void) | undefined;

  function flush(): void {
    cancelTimer?.();
    cancelTimer = undefined;
    const batch = [...pending.values()];
    pending.clear();
    for (const delta of batch) forward('chat.delta', delta);
  }

  function push<E extends EventName>(name: E, payload: EventPayload<E>): void {
    if (name !== 'chat.delta') {
      flush();
      if (name === 'chat.done' || name === 'chat.error') started.delete((payload as EventPayload<'chat.done'>).message.id);
      forward(name, payload);
      return;
    }
    const delta = payload as EventPayload<'chat.delta'>;
    if (!started.has(delta.messageId)) {
      started.add(delta.messageId);
      forward('chat.delta', delta);
      return;
    }
    const existing = pending.get(delta.messageId);
    pending.set(delta.messageId, existing ? { ...existing, text: existing.text + delta.text } : { ...delta });
    cancelTimer ??= clock.setTimeout(flush, frameMs);
  }

  return { push: push as AnyEventListener, flush, dispose: () => cancelTimer?.() };
}
