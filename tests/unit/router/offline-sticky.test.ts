import { describe, expect, it } from 'vitest';
import { fail, harness, ok } from './fakes.js';

describe('offline', () => {
  it('goes straight to the local model when the OS reports no network, and says so', async () => {
    const h = harness({ scripts: { a: [ok('A')], b: [ok('B')], local: [ok('L')] } });
    h.online.value = false;
    const r = await h.send();
    expect(r.provider).toBe('local');
    expect(r.trace.offline).toBe(true);
    expect(r.trace.skipped.map((s) => [s.provider, s.reason])).toEqual([
      ['a', 'offline'],
      ['b', 'offline'],
    ]);
    expect(h.notices).toEqual([expect.objectContaining({ text: 'offline: using the local model' })]);
    expect(h.adapters.a?.requests).toHaveLength(0);

    h.online.value = true;
    const back = await h.send();
    expect(back.provider).toBe('a');
    expect(back.trace.offline).toBeUndefined();
  });

  it('after two cloud providers fail with network errors, skips the rest of the cloud', async () => {
    const h = harness({ scripts: { a: [fail('network')], b: [fail('network')], c: [ok('C')], local: [ok('L')] } });
    const r = await h.send();
    expect(r.provider).toBe('local');
    expect(r.trace.offline).toBe(true);
    expect(r.trace.skipped).toEqual([expect.objectContaining({ provider: 'c', reason: 'offline' })]);
    expect(h.adapters.c?.requests).toHaveLength(0);
  });

  it('a cloud answer of another kind means the network works: no shortcut', async () => {
    const h = harness({ scripts: { a: [fail('network')], b: [fail('server')], c: [fail('network')], d: [ok('D')], local: [ok('L')] } });
    expect((await h.send()).provider).toBe('d');
  });
});

describe('sticky conversations', () => {
  it('keeps the provider that last answered first while it is healthy', async () => {
    const h = harness({ scripts: { a: [ok('A')], b: [ok('B')], local: [ok('L')] } });
    const r = await h.send('hi', { stickyProvider: 'b' });
    expect(r.provider).toBe('b');
    expect(r.trace.sticky).toBe('b');
  });

  it('lets go of an unhealthy sticky provider', async () => {
    const h = harness({ scripts: { a: [ok('A')], b: [fail('rate_limited', { retryAfterMs: 60_000 })], local: [ok('L')] } });
    await h.send('hi', { stickyProvider: 'b' });
    const r = await h.send('hi', { stickyProvider: 'b' });
    expect(r.provider).toBe('a');
    expect(r.trace.sticky).toBeUndefined();
  });

  it('a provider the user pinned beats the sticky one', async () => {
    const h = harness({ scripts: { a: [ok('A')], b: [ok('B')], c: [ok('C')], local: [ok('L')] } });
    const r = await h.send('hi', { stickyProvider: 'b', provider: 'c' });
    expect(r.provider).toBe('c');
    expect(r.trace.considered.map((t) => t.provider)).toEqual(['c', 'a', 'b', 'local']);
  });
});
