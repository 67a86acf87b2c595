import { describe, expect, it } from 'vitest';
import { createDeltaBuffer, type DeltaBatch } from '../../../renderer/src/store/delta-buffer.js';
import { createChatStore } from '../../../renderer/src/store/chat-store.js';
import type { Client } from '../../../renderer/src/client/client.js';

/** A frame scheduler the test advances by hand. */
function manualFrames() {
  const queue: Array<() => void> = [];
  return {
    schedule: (flush: () => void) => void queue.push(flush),
    frame: () => queue.splice(0).forEach((f) => f()),
    get scheduled() {
      return queue.length;
    },
  };
}

describe('delta buffer', () => {
  it('applies 2,000 deltas between frames as one batch, in order', () => {
    const frames = manualFrames();
    const batches: DeltaBatch[] = [];
    const buffer = createDeltaBuffer((b) => batches.push(b), frames.schedule);
    for (let i = 0; i < 2000; i += 1) buffer.push({ conversationId: 'c1', messageId: 'm1', text: `${i},` });
    expect(batches).toHaveLength(0);
    expect(frames.scheduled).toBe(1);
    frames.frame();
    expect(batches).toHaveLength(1);
    const expected = Array.from({ length: 2000 }, (_, i) => `${i},`).join('');
    expect(batches[0]?.get('m1')?.text).toBe(expected);
  });

  it('keeps messages apart and starts a new batch after a frame', () => {
    const frames = manualFrames();
    const batches: DeltaBatch[] = [];
    const buffer = createDeltaBuffer((b) => batches.push(b), frames.schedule);
    buffer.push({ conversationId: 'c1', messageId: 'a', text: 'x' });
    buffer.push({ conversationId: 'c2', messageId: 'b', text: 'y' });
    frames.frame();
    buffer.push({ conversationId: 'c1', messageId: 'a', text: 'z' });
    frames.frame();
    expect(batches.map((b) => Object.fromEntries([...b].map(([k, v]) => [k, v.text])))).toEqual([{ a: 'x', b: 'y' }, { a: 'z' }]);
  });

  it('flushNow applies at once, and the stale frame does not flush the next batch early', () => {
    const frames = manualFrames();
    const batches: DeltaBatch[] = [];
    const buffer = createDeltaBuffer((b) => batches.push(b), frames.schedule);
    buffer.push({ conversationId: 'c', messageId: 'm', text: 'one' });
    buffer.flushNow();
    buffer.push({ conversationId: 'c', messageId: 'm', text: 'two' });
    expect(batches).toHaveLength(1);
    frames.frame();
    expect(batches.map((b) => b.get('m')?.text)).toEqual(['one', 'two']);
  });
});

describe('chat store streaming', () => {
  const idleClient: Pick<Client, 'call'> = { call: () => Promise.reject(new Error('not used')) };

  it('shows the first delta at once, then turns 2,000 deltas into one state update per frame', () => {
    const frames = manualFrames();
    const store = createChatStore(idleClient, { schedule: frames.schedule, now: () => 1 });
    let updates = 0;
    store.subscribe(() => (updates += 1));
    for (let i = 0; i < 2000; i += 1) store.getState().onDelta({ conversationId: 'c', messageId: 'm', text: `${i} ` });
    expect(updates).toBe(1);
    expect(store.getState().items.m?.message.text).toBe('0 ');
    frames.frame();
    expect(updates).toBe(2);
    expect(store.getState().items.m?.message.text).toBe(Array.from({ length: 2000 }, (_, i) => `${i} `).join(''));
  });

  it('applies buffered text before the final message, never after it', () => {
    const frames = manualFrames();
    const store = createChatStore(idleClient, { schedule: frames.schedule, now: () => 1 });
    store.getState().onDelta({ conversationId: 'c', messageId: 'm', text: 'partial' });
    store.getState().onFinal({
      id: 'm',
      conversationId: 'c',
      role: 'assistant',
      text: '',
      createdAt: 1,
      status: 'error',
      error: { kind: 'stream_interrupted', message: 'socket hang up' },
    });
    frames.frame();
    const m = store.getState().items.m?.message;
    expect(m?.status).toBe('error');
    expect(m?.text).toBe('partial');
  });
});
