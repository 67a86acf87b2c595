import { describe, expect, it } from 'vitest';
import { createDeltaCoalescer, FRAME_MS } from '../../../electron/main/core/events/delta-coalescer.js';
import { manualClock } from '../manual-clock.js';

describe('delta coalescer', () => {
  it('sends the first token at once, and turns the 1,999 after it inside one frame into one message, all in order', () => {
    const { clock, advance } = manualClock();
    const out: { name: string; payload: unknown }[] = [];
    const c = createDeltaCoalescer((name, payload) => out.push({ name, payload }), clock);
    for (let i = 0; i < 2000; i++) c.push('chat.delta', { conversationId: 'c', messageId: 'm', text: `t${i} ` });
    expect(out.map((o) => (o.payload as { text: string }).text)).toEqual(['t0 ']);
    advance(FRAME_MS);
    expect(out).toHaveLength(2);
    expect(out.map((o) => (o.payload as { text: string }).text).join('')).toBe(Array.from({ length: 2000 }, (_, i) => `t${i} `).join(''));
  });

  it('sends the first token of the next answer at once too', () => {
    const { clock } = manualClock();
    const out: string[] = [];
    const c = createDeltaCoalescer((name, payload) => out.push(`${name}:${(payload as { text?: string }).text ?? ''}`), clock);
    c.push('chat.delta', { conversationId: 'c', messageId: 'm1', text: 'one' });
    c.push('chat.done', { message: { id: 'm1' } as never });
    c.push('chat.delta', { conversationId: 'c', messageId: 'm2', text: 'two' });
    expect(out).toEqual(['chat.delta:one', 'chat.done:', 'chat.delta:two']);
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
    c.push('chat.delta', { conversationId: 'c', messageId: 'm', text: 'hel' });
    c.push('chat.delta', { conversationId: 'c', messageId: 'm', text: 'lo' });
    c.push('chat.delta', { conversationId: 'c', messageId: 'm', text: '!' });
    c.push('chat.done', { message: { id: 'm' } as never });
    expect(out).toEqual(['chat.delta:hel', 'chat.delta:lo!', 'chat.done:']);
  });

  it('keeps two streaming messages apart', () => {
    const { clock, advance } = manualClock();
    const out: { messageId: string; text: string }[] = [];
    const c = createDeltaCoalescer((_n, p) => out.push(p as { messageId: string; text: string }), clock);
    c.push('chat.delta', { conversationId: 'c', messageId: 'a', text: '1' });
    c.push('chat.delta', { conversationId: 'c', messageId: 'b', text: 'x' });
    c.push('chat.delta', { conversationId: 'c', messageId: 'a', text: '2' });
    c.push('chat.delta', { conversationId: 'c', messageId: 'b', text: 'y' });
    c.push('chat.delta', { conversationId: 'c', messageId: 'a', text: '3' });
    advance(FRAME_MS);
    expect(out.map((d) => [d.messageId, d.text])).toEqual([
      ['a', '1'],
      ['b', 'x'],
      ['a', '23'],
      ['b', 'y'],
    ]);
  });
});
