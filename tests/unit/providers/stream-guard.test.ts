import { describe, expect, test } from 'vitest';
import { guardStream } from '../../../electron/main/core/providers/stream-guard.js';
import { ProviderError } from '../../../electron/main/core/providers/provider-error.js';
import type { StreamEvent } from '../../../electron/main/core/providers/types.js';
import { manualClock } from '../manual-clock.js';

/** A source whose events the test releases one by one; records whether it was aborted. */
function scriptedSource() {
  const queue: StreamEvent[] = [];
  let waiting: (() => void) | undefined;
  const state = { aborted: false, ended: false };
  const push = (event?: StreamEvent) => {
    if (event) queue.push(event);
    else state.ended = true;
    waiting?.();
  };
  const source = (signal: AbortSignal): AsyncIterable<StreamEvent> => ({
    async *[Symbol.asyncIterator]() {
      signal.addEventListener('abort', () => {
        state.aborted = true;
        waiting?.();
      });
      for (;;) {
        while (queue.length === 0 && !state.ended && !signal.aborted) await new Promise<void>((r) => (waiting = r));
        if (signal.aborted) throw new DOMException('aborted', 'AbortError');
        const next = queue.shift();
        if (!next) return;
        yield next;
      }
    },
  });
  return { source, push, state };
}

const TIMEOUTS = { connectMs: 100, firstTokenMs: 200, idleMs: 300 };
const tick = () => new Promise((r) => setImmediate(r));

async function failureOf(run: Promise<unknown>): Promise<ProviderError> {
  const error = await run.then(() => undefined, (e: unknown) => e);
  expect(ProviderError.is(error)).toBe(true);
  return error as ProviderError;
}

describe('guardStream', () => {
  test.each([
    ['connect', [], 100, /no response after 0.1s/],
    ['first token', [{ type: 'open' }], 200, /no first token after 0.2s/],
    ['idle', [{ type: 'open' }, { type: 'text', text: 'Hel' }], 300, /the stream stalled for 0.3s/],
  ] as const)('the %s timer fires, aborts the request and says which it was', async (_name, before, ms, words) => {
    const { clock, advance } = manualClock();
    const s = scriptedSource();
    const events: StreamEvent[] = [];
    const run = (async () => {
      for await (const e of guardStream(s.source, { provider: 'p', timeouts: TIMEOUTS, signal: new AbortController().signal, clock })) events.push(e);
    })();
    for (const e of before) s.push(e);
    await tick();
    advance(ms - 1);
    await tick();
    expect(s.state.aborted).toBe(false);
    advance(1);
    const error = await failureOf(run);
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(words);
    expect(s.state.aborted).toBe(true);
    if (before.length === 2) expect(error.partialText).toBe('Hel');
  });

  test('each chunk restarts the idle timer', async () => {
    const { clock, advance } = manualClock();
    const s = scriptedSource();
    const texts: string[] = [];
    const run = (async () => {
      for await (const e of guardStream(s.source, { provider: 'p', timeouts: TIMEOUTS, signal: new AbortController().signal, clock })) {
        if (e.type === 'text') texts.push(e.text);
      }
    })();
    s.push({ type: 'open' });
    s.push({ type: 'text', text: 'a' });
    for (const t of ['b', 'c', 'd']) {
      await tick();
      advance(250);
      s.push({ type: 'text', text: t });
    }
    await tick();
    s.push({ type: 'done' });
    s.push();
    await run;
    expect(texts).toEqual(['a', 'b', 'c', 'd']);
  });

  test('the caller’s abort ends it as cancelled, with the text so far', async () => {
    const { clock } = manualClock();
    const s = scriptedSource();
    const controller = new AbortController();
    const run = (async () => {
      for await (const _e of guardStream(s.source, { provider: 'p', timeouts: TIMEOUTS, signal: controller.signal, clock })) {
        /* drain */
      }
    })();
    s.push({ type: 'open' });
    s.push({ type: 'text', text: 'partial' });
    await tick();
    controller.abort();
    const error = await failureOf(run);
    expect(error.kind).toBe('cancelled');
    expect(error.partialText).toBe('partial');
    expect(s.state.aborted).toBe(true);
  });

  test('a source that ends without `done` is a cut stream', async () => {
    const s = scriptedSource();
    const run = (async () => {
      for await (const _e of guardStream(s.source, { provider: 'p', timeouts: TIMEOUTS, signal: new AbortController().signal, clock: manualClock().clock })) {
        /* drain */
      }
    })();
    s.push({ type: 'open' });
    s.push({ type: 'text', text: 'half' });
    s.push();
    const error = await failureOf(run);
    expect(error.kind).toBe('stream_interrupted');
    expect(error.partialText).toBe('half');
  });

  test('a consumer that stops reading early aborts the request', async () => {
    const s = scriptedSource();
    s.push({ type: 'open' });
    s.push({ type: 'text', text: 'x' });
    for await (const e of guardStream(s.source, { provider: 'p', timeouts: TIMEOUTS, signal: new AbortController().signal, clock: manualClock().clock })) {
      if (e.type === 'text') break;
    }
    expect(s.state.aborted).toBe(true);
  });
});
