import { describe, expect, it } from 'vitest';
import { createDeltaCoalescer, FRAME_MS } from '../../../electron/main/core/events/delta-coalescer.js';
import { manualClock } from '../manual-clock.js';

describe('delta coalescer', () => {
  it('sends the first token of a message at once, then 2,000 tokens inside one frame as one message in order', () => {
    const { clock, advance } = manualClock();
    const out: { name: string; payload: unknown }[] = [];
    const c = createDeltaCoalescer((name, payload) => out.push({ name, payload }), clock);
    for (let i = 0; i < 2001; i++) c.push('chat.delta', { conversationId: 'c', messageId: 'm', text: `t${i} ` });
    expect(out).toHaveLength(1);
    expect((out[0]!.payload as { text: string }).text).toBe('t0 ');
    advance(FRAME_MS);
    expect(out).toHaveLength(2);
    expect((out[1]!.payload as { text: string }).text).toBe(Array.from({ length: 2000 }, (_, i) => `t${i + 1} `).join(''));
  });

  it('sends the first token of each new message at once, after text already waiting', () => {
    const { clock } = manualClock();
    const out: string[] = [];
    const c = createDeltaCoalescer((name, payload) => out.push(`${name}:${(payload as { text?: string }).text ?? ''}`), clock);
    c.push('chat.delta', { conversationId: 'c', messageId: 'a', text: '1' });
    c.push('chat.delta', { conversationId: 'c', messageId: 'a', text: '2' });
    c.push('chat.delta', { conversationId: 'c', messageId: 'b', text: 'x' });
    expect(out).toEqual(['chat.delta:1', 'chat.delta:2', 'chat.delta:x']);
    // A message that ended and is regenerated under the same id starts fresh.
    c.push('chat.done', { message: { id: 'a' } as never });
    c.push('chat.delta', { conversationId: 'c', messageId: 'a', text: 'again' });
    expect(out.at(-1)).toBe('chat.delta:again');
  });

  it('sends at most one message per frame at 2,000 tokens a second', () => {
    const { clock, advance } = manualClock();
    let sent = 0;
    const c = createDeltaCoalescer(() => sent++, clock);
    for (let ms = 0; ms < 1000; ms++) {
      c.push('chat.delta', { conversationId: 'c', messageId: 'm', text: 'a' });
      c.push('chat.delta', { conversationId: 'c', messageId: 'm', text: 'b' });
      advance(1);
    }
    advance(FRAME_MS);
    expect(sent).toBeLessThanOrEqual(Math.ceil(1000 / FRAME_MS) + 1);
  });

  it('flushes pending text before any other event, so done never overtakes text', () => {
    const { clock } = manualClock();
    const out: string[] = [];
    const c = createDeltaCoalescer((name, payload) => out.push(`${name}:${(payload as { text?: string }).text ?? ''}`), clock);
    c.push('chat.delta', { conversationId: 'c', messageId: 'm', text: 'h' });
    c.push('chat.delta', { conversationId: 'c', messageId: 'm', text: 'el' });
    c.push('chat.delta', { conversationId: 'c', messageId: 'm', text: 'lo' });
    c.push('chat.done', { message: { id: 'm' } as never });
    expect(out).toEqual(['chat.delta:h', 'chat.delta:ello', 'chat.done:']);
  });

  it('keeps two streaming messages apart', () => {
    const { clock, advance } = manualClock();
    const out: { messageId: string; text: string }[] = [];
    const c = createDeltaCoalescer((_n, p) => out.push(p as { messageId: string; text: string }), clock);
    c.push('chat.delta', { conversationId: 'c', messageId: 'a', text: '0' });
    c.push('chat.delta', { conversationId: 'c', messageId: 'b', text: 'w' });
    c.push('chat.delta', { conversationId: 'c', messageId: 'a', text: '1' });
    c.push('chat.delta', { conversationId: 'c', messageId: 'b', text: 'x' });
    c.push('chat.delta', { conversationId: 'c', messageId: 'a', text: '2' });
    advance(FRAME_MS);
    expect(out.slice(2).map((d) => [d.messageId, d.text])).toEqual([
      ['a', '12'],
      ['b', 'x'],
    ]);
  });
});
