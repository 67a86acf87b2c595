import { describe, expect, it } from 'vitest';
import { RouteFailure } from '../../../electron/main/core/router/types.js';
import { fail, harness, makeSettings, ok, type Step } from './fakes.js';

describe('recovery mid-stream', () => {
  it('continues from the partial text on the next target, with no repeated text, and says so', async () => {
    const h = harness({
      scripts: {
        a: [[{ open: {} }, { text: 'The answer ' }, { text: 'is ' }, { fail: { kind: 'server', message: 'stream error event' } }]],
        b: [[{ open: {} }, { text: '42.' }, { done: { inputTokens: 20, outputTokens: 2 } }]],
        local: [ok('L')],
      },
    });
    const r = await h.send();
    expect(r.text).toBe('The answer is 42.');
    expect(h.texts.join('')).toBe('The answer is 42.');
    expect(h.adapters.b?.requests[0]?.continueFrom).toBe('The answer is ');
    expect(r.note).toBe('continued by b after a failed');
    expect(r.attempts.map((a) => [a.provider, a.outcome, a.continuation])).toEqual([
      ['a', 'error', undefined],
      ['b', 'ok', true],
    ]);
  });

  it('the trace names how each continuation was asked for', async () => {
    const h = harness({
      scripts: {
        a: [[{ open: {} }, { text: 'The answer ' }, { fail: { kind: 'server' } }]],
        b: [[{ open: {} }, { text: 'is 42.' }, { done: null }]],
        local: [ok('L')],
      },
    });
    const r = await h.send();
    expect(r.attempts[1]).toMatchObject({ provider: 'b', continuation: true, continuationMethod: 'native' });
  });

  it('a host without prefill is asked in words, and the words it repeats are not shown twice', async () => {
    const h = harness({
      continuation: { b: 'none' },
      scripts: {
        a: [[{ open: {} }, { text: 'The sky is blue because ' }, { text: 'sunlight' }, { fail: { kind: 'network' } }]],
        // As real models often do when asked to carry on: restate the last words first.
        b: [[{ open: {} }, { text: 'because  sun' }, { text: 'light scatters.' }, { done: null }]],
        local: [ok('L')],
      },
    });
    const r = await h.send();
    expect(r.text).toBe('The sky is blue because sunlight scatters.');
    expect(h.texts.join('')).toBe(r.text);
    expect(h.adapters.b?.requests[0]?.continueFrom).toBe('The sky is blue because sunlight');
    expect(r.attempts[1]).toMatchObject({ provider: 'b', outcome: 'ok', continuationMethod: 'none' });
  });

  it('treats a stream that ends without finishing as cut, and continues it', async () => {
    const h = harness({ scripts: { a: [[{ open: {} }, { text: 'Half' }, { end: true }]], b: [[{ text: ' and half' }, { done: null }]], local: [ok('L')] } });
    const r = await h.send();
    expect(r.text).toBe('Half and half');
    expect(r.attempts[0]?.errorKind).toBe('stream_interrupted');
  });

  it('keeps the partial text in the failure when every target breaks', async () => {
    const h = harness({
      scripts: {
        a: [[{ open: {} }, { text: 'One, ' }, { fail: { kind: 'network' } }]],
        local: [[{ open: {} }, { text: 'two, ' }, { fail: { kind: 'stream_interrupted' } }]],
      },
    });
    const error = await h.send().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RouteFailure);
    expect((error as RouteFailure).partialText).toBe('One, two, ');
    expect(h.adapters.local?.requests[0]?.continueFrom).toBe('One, ');
  });
});

describe('timeouts per task type, enforced on the injected clock', () => {
  it('gives up on a missing first token after firstTokenMs and passes the timeouts to the adapter', async () => {
    const settings = makeSettings(['a', 'b'], { taskTypes: { general: { strategy: 'ordered', timeouts: { firstTokenMs: 2_000 } } } });
    const h = harness({ settings, scripts: { a: [[{ open: {} }, { stall: true }]], b: [ok('B')], local: [ok('L')] } });
    const r = await h.send();
    expect(r.provider).toBe('b');
    expect(r.attempts[0]).toMatchObject({ errorKind: 'timeout', message: 'no first token after 2s', ms: 2_000 });
    expect(h.adapters.a?.signals[0]?.aborted).toBe(true);
  });

  it('applies the connect timeout before headers, and the idle timeout between chunks', async () => {
    const h = harness({
      scripts: {
        a: [[{ stall: true }], [{ open: {} }, { text: 'Start ' }, { stall: true }]],
        local: [ok('end')],
      },
    });
    const first = await h.send();
    expect(first.attempts[0]).toMatchObject({ errorKind: 'timeout', message: 'no response after 10s', ms: 10_000 });
    const second = await h.send();
    expect(second.attempts[0]).toMatchObject({ errorKind: 'timeout', message: 'the stream stalled for 30s' });
    expect(second.text).toBe('Start end');
    expect(second.note).toBe('continued by local after a failed');
  });

  it('waits 120 s for a reasoning model’s first token, but 30 s when reasoning borrows the general route', async () => {
    const question = 'Prove that the square root of 2 is irrational.';
    const stalled = { scripts: { a: [[{ open: {} }, { stall: true }]] as Step[][], b: [ok('B')], local: [ok('L')] } };
    const borrowed = await harness({ ...stalled, settings: makeSettings(['a', 'b']) }).send(question, { taskChoice: 'auto' });
    expect(borrowed.trace.taskType).toBe('reasoning');
    expect(borrowed.attempts[0]).toMatchObject({ errorKind: 'timeout', ms: 30_000 });
    const ownRoute = makeSettings(['a', 'b'], { routes: { general: [{ provider: 'b', model: 'b-model' }], reasoning: [{ provider: 'a', model: 'a-model' }, { provider: 'b', model: 'b-model' }] } });
    const own = await harness({ ...stalled, settings: ownRoute }).send(question, { taskChoice: 'auto' });
    expect(own.attempts[0]).toMatchObject({ provider: 'a', errorKind: 'timeout', ms: 120_000 });
  });

  it('uses realtime defaults (3 s connect / 4 s first token / 5 s idle)', async () => {
    const settings = makeSettings(['a', 'b'], { taskTypes: { realtime: { strategy: 'ordered', hedge: { enabled: false } } } });
    const h = harness({ settings, scripts: { a: [[{ open: {} }, { stall: true }]], b: [ok('B')], local: [ok('L')] } });
    const r = await h.send('hi', { taskChoice: 'realtime' });
    expect(r.attempts[0]).toMatchObject({ errorKind: 'timeout', ms: 4_000 });
    expect(r.trace.taskType).toBe('realtime');
  });
});

describe('fault kinds that need the stream', () => {
  it('records usage and cost from the done event', async () => {
    const h = harness({ scripts: { a: [ok('A', { inputTokens: 1_000_000, outputTokens: 500_000 })], local: [ok('L')] }, price: () => ({ inputUsdPerMTok: 3, outputUsdPerMTok: 15 }) });
    const r = await h.send();
    expect(r.costUsd).toBeCloseTo(10.5);
    expect(r.attempts[0]?.costUsd).toBeCloseTo(10.5);
  });

  it('a failure before any response costs nothing', async () => {
    const h = harness({ scripts: { a: [fail('server')], local: [ok('L', { inputTokens: 0, outputTokens: 0 })] }, price: () => ({ inputUsdPerMTok: 3, outputUsdPerMTok: 15 }) });
    const r = await h.send();
    expect(r.costUsd).toBe(0);
  });
});
