/**
 * Collects streamed text between animation frames so the message list updates at
 * most once per frame, however fast deltas arrive. The scheduler is injected so
 * tests can play thousands of deltas and one frame without a browser.
 */

/** Runs `flush` once, later (the next animation frame in the app). */
export type Scheduler = (flush: () => void) => void;

export interface DeltaChunk {
  conversationId: string;
  messageId: string;
  text: string;
}

/** Text per message id, joined in arrival order. */
export type DeltaBatch = Map<string, { conversationId: string; text: string }>;

export interface DeltaBuffer {
  push(chunk: DeltaChunk): void;
  /** Applies whatever is buffered right away, e.g. before a final message lands. */
  flushNow(): void;
}

export const animationFrameScheduler: Scheduler = (flush) => {
  requestAnimationFrame(() => flush());
};

export function createDeltaBuffer(apply: (batch: DeltaBatch) => void, schedule: Scheduler = animationFrameScheduler): DeltaBuffer {
  let pending: Map<string, { conversationId: string; parts: string[] }> | undefined;
  // A flush scheduled before a flushNow() must not apply the next frame's deltas early.
  let generation = 0;

  function flush(): void {
    const batch = pending;
    pending = undefined;
    generation += 1;
    if (!batch) return;
    const joined: DeltaBatch = new Map();
    for (const [id, entry] of batch) joined.set(id, { conversationId: entry.conversationId, text: entry.parts.join('') });
    apply(joined);
  }

  return {
    push(chunk) {
      if (chunk.text === '') return;
      if (!pending) {
        pending = new Map();
        const mine = generation;
        schedule(() => {
          if (mine === generation) flush();
        });
      }
      const entry = pending.get(chunk.messageId);
      if (entry) entry.parts.push(chunk.text);
      else pending.set(chunk.messageId, { conversationId: chunk.conversationId, parts: [chunk.text] });
    },
    flushNow: flush,
  };
}
