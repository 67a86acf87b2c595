/**
 * The behaviour every adapter must show against the fake server, written once and
 * run per SDK family by the small *.test.ts files next to this one.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { FakeProvider } from '../../fake-provider/index.js';
import type { StreamEvent } from '../../../electron/main/core/providers/types.js';
import { CONTINUE_IN_WORDS } from '../../../electron/main/core/providers/adapters/continuation.js';
import { adapterFor, callOptions, drain, expectFailure, FAULTS, FULL_REPLY, NO_HANG_MS, PROMPT, SHORT_TIMEOUTS, startFor, type Family } from './harness.js';

export function adapterSuite(family: Family): void {
  describe(`${family.name} adapter against the fake server`, () => {
    let fake: FakeProvider;
    beforeAll(async () => {
      fake = await startFor(family);
    });
    afterAll(async () => {
      await fake.close();
    });
    beforeEach(() => fake.reset());

    const request = { model: family.model, messages: [{ role: 'user' as const, content: PROMPT }] };

    test('streams open, text, done, with the usage the server reported', async () => {
      const events = await drain(adapterFor(family, fake.baseURL).stream(request, callOptions()));
      expect(events[0]?.type).toBe('open');
      expect(events.at(-1)?.type).toBe('done');
      const text = events.map((e) => (e.type === 'text' ? e.text : '')).join('');
      expect(text).toBe(FULL_REPLY);
      const done = events.at(-1) as Extract<StreamEvent, { type: 'done' }>;
      expect(fake.lastUsage).toBeDefined();
      expect(done.usage).toEqual(fake.lastUsage);
      const open = events[0] as Extract<StreamEvent, { type: 'open' }>;
      if (family.requestIdHeader) expect(open.requestId).toMatch(/\S/);
      if (family.rateLimits) {
        expect(open.rateLimit?.remainingRequests).toBeTypeOf('number');
        expect(open.rateLimit?.resetRequestsAt).toBeTypeOf('number');
      }
    });

    test('completes without streaming, with usage and rate limits', async () => {
      const result = await adapterFor(family, fake.baseURL).complete(request, callOptions());
      expect(result.text).toBe(FULL_REPLY);
      expect(result.usage).toEqual(fake.lastUsage);
      expect(fake.requests.at(-1)?.stream).toBe(false);
      if (family.rateLimits) expect(result.rateLimit?.remainingTokens).toBeTypeOf('number');
    });

    test('slow but steady tokens are not a timeout', async () => {
      fake.script({ type: 'slow-tokens', delayMs: 30 });
      // Short timeouts on purpose: each 30 ms gap stays under the idle limit while the whole reply takes about as long.
      const events = await drain(adapterFor(family, fake.baseURL).stream(request, callOptions(undefined, SHORT_TIMEOUTS)));
      expect(events.at(-1)?.type).toBe('done');
    });

    test('continuing a cut answer asks the way the host supports', async () => {
      const adapter = adapterFor(family, fake.baseURL);
      const events = await drain(adapter.stream({ ...request, continueFrom: 'Echo: hel' }, callOptions()));
      const text = events.map((e) => (e.type === 'text' ? e.text : '')).join('');
      if (adapter.continuation === 'native') {
        // A prefill: the reply goes on from it, with no repeated text.
        expect(text).toBe('lo there');
        expect(fake.requests.at(-1)?.messages.at(-1)).toEqual({ role: 'assistant', content: 'Echo: hel' });
      } else {
        // No prefill on this host: the cut answer, then a request in words to carry on.
        expect(adapter.continuation).toBe('none');
        expect(fake.requests.at(-1)?.messages.slice(-2)).toEqual([
          { role: 'assistant', content: 'Echo: hel' },
          { role: 'user', content: CONTINUE_IN_WORDS },
        ]);
      }
    });

    describe.each(FAULTS)('fault: $name', ({ fault, stream, complete, timeouts }) => {
      test('streaming', async () => {
        fake.script(fault);
        const failure = await expectFailure(() => drain(adapterFor(family, fake.baseURL).stream(request, callOptions(undefined, timeouts))), stream);
        if (fault.type === 'status' && family.rateLimits) expect(failure.rateLimit).toBeDefined();
        if (fault.type === 'status' && family.requestIdHeader) expect(failure.requestId).toMatch(/\S/);
        // Cut after the headers: still named by the request id the provider knows it by.
        if (stream.partial !== undefined && family.requestIdHeader) expect(failure.requestId).toMatch(/\S/);
      });
      test('not streaming', async () => {
        fake.script(fault);
        await expectFailure(() => adapterFor(family, fake.baseURL).complete(request, callOptions(undefined, timeouts)), complete);
      });
    });

    test('Stop aborts the HTTP request at once and reports cancelled', async () => {
      fake.script({ type: 'slow-tokens', delayMs: 200 });
      const signals: AbortSignal[] = [];
      const spy: typeof fetch = (input, init) => {
        if (init?.signal) signals.push(init.signal);
        return fetch(input, init);
      };
      const controller = new AbortController();
      const adapter = adapterFor(family, fake.baseURL, { fetch: spy });
      const failure = await expectFailure(async () => {
        for await (const event of adapter.stream(request, { signal: controller.signal, timeouts: { connectMs: 1000, firstTokenMs: 1000, idleMs: 1000 } })) {
          if (event.type === 'text') controller.abort();
        }
      }, { kind: 'cancelled' });
      expect(failure.partialText).toBe('Echo');
      expect(signals.length).toBeGreaterThan(0);
      expect(signals.every((s) => s.aborted)).toBe(true);
      expect(fake.lastUsage).toBeUndefined();
    });

    test('lists models live, probes cheaply', async () => {
      const { models, source } = await adapterFor(family, fake.baseURL).listModels(new AbortController().signal);
      expect(source).toBe('live');
      expect(models.map((m) => m.id)).toEqual(expect.arrayContaining([expect.stringContaining(family.model.split(':')[0] ?? '')]));
      const probe = await adapterFor(family, fake.baseURL).probe(new AbortController().signal);
      expect(probe).toMatchObject({ provider: family.name, ok: true });
      expect(probe.modelCount).toBeGreaterThan(0);
    });

    test('a rejected key fails the probe as auth', async () => {
      fake.script({ type: 'status', status: 401, target: 'models' });
      const probe = await adapterFor(family, fake.baseURL).probe(new AbortController().signal);
      expect(probe).toMatchObject({ ok: false, errorKind: 'auth' });
    });

    test('an unreachable host: probe says network, the model list falls back to the catalog', async () => {
      const closed = await startFor(family);
      const baseURL = closed.baseURL;
      await closed.close();
      const adapter = adapterFor(family, baseURL);
      const started = Date.now();
      const probe = await adapter.probe(new AbortController().signal);
      expect(probe).toMatchObject({ ok: false, errorKind: 'network' });
      const { models, source, error } = await adapter.listModels(new AbortController().signal);
      expect(models.map((m) => m.id)).toEqual([family.model, 'catalog-default-2']);
      // Said as such, with the reason, so the UI does not call a stand-in list live.
      expect(source).toBe('catalog');
      expect(error).toBeTruthy();
      await expectFailure(() => drain(adapter.stream(request, callOptions())), { kind: 'network' });
      expect(Date.now() - started).toBeLessThan(NO_HANG_MS);
    });
  });
}
