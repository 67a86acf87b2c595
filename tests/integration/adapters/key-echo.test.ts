/**
 * Some hosts repeat the caller's key in their error text. Whatever the SDK
 * family, the ProviderError that leaves the adapter must not carry it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../../electron/main/core/providers/create-adapter.js';
import { ProviderError } from '../../../electron/main/core/providers/provider-error.js';
import type { ProviderKind } from '../../../shared/settings.js';
import { startFakeProvider, type FakeProvider, type Protocol } from '../../fake-provider/index.js';

const KEY = 'sk-echoed-0123456789abcdef0123';
const cases: [Protocol, ProviderKind][] = [
  ['openai', 'openai'],
  ['anthropic', 'anthropic'],
  ['ollama', 'ollama'],
];

describe.each(cases)('%s adapter', (protocol, kind) => {
  let fake: FakeProvider;
  beforeAll(async () => {
    fake = await startFakeProvider({ protocol });
  });
  afterAll(() => fake.close());

  it('takes an echoed key out of the provider’s error message, keeping the rest', async () => {
    fake.script({ type: 'status', status: 400, message: `Bad request for key ${KEY}, check it` });
    const adapter = createAdapter({ id: protocol, kind, baseURL: fake.baseURL, apiKey: KEY, defaultModels: ['m'] });
    const error = await adapter
      .complete({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }, { signal: new AbortController().signal, timeouts: { connectMs: 2000, firstTokenMs: 2000, idleMs: 2000 } })
      .then(() => undefined, (e: unknown) => e);
    expect(ProviderError.is(error)).toBe(true);
    const message = (error as ProviderError).message;
    expect(message).toMatch(/Bad request for key .*, check it/);
    expect(message).not.toContain(KEY);
    expect(message).not.toContain(KEY.slice(4, -4));
  });
});
