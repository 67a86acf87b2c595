/**
 * A stream cut mid-answer, carried on by the next provider through the real SDKs:
 * each host is asked the way its API supports, and the user never sees text twice.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAdapter } from '../../../electron/main/core/providers/create-adapter.js';
import type { ProviderAdapter } from '../../../electron/main/core/providers/types.js';
import { CONTINUE_IN_WORDS } from '../../../electron/main/core/providers/adapters/continuation.js';
import { createRouter } from '../../../electron/main/core/router/router.js';
import { realClock, type RouteResult } from '../../../electron/main/core/router/types.js';
import { startFakeProvider, type FakeProvider, type RecordedChat } from '../../fake-provider/index.js';
import { makeSettings } from '../../unit/router/fakes.js';
import { callOptions, drain, KEY } from './harness.js';

const PROMPT = 'why is the sky blue';
const ANSWER = 'Echo: why is the sky blue';

/** A model that does as asked in words, restating its last two words first, as models often do. */
function obedientReply(chat: RecordedChat): string {
  const [cut, instruction] = chat.messages.slice(-2);
  if (instruction?.content !== CONTINUE_IN_WORDS || cut?.role !== 'assistant') return ANSWER;
  const restated = cut.content.trimEnd().split(/\s+/).slice(-2).join(' ');
  return `${restated}${ANSWER.slice(cut.content.length)}`;
}

describe('continuation through the SDKs', () => {
  let broken: FakeProvider;
  let openai: FakeProvider;
  let deepseek: FakeProvider;
  beforeAll(async () => {
    broken = await startFakeProvider({ protocol: 'openai', apiKey: KEY });
    openai = await startFakeProvider({ protocol: 'openai', apiKey: KEY, reply: obedientReply });
    deepseek = await startFakeProvider({ protocol: 'openai', apiKey: KEY, prefix: { endpoint: '/beta/chat/completions' } });
  });
  afterAll(async () => {
    await Promise.all([broken.close(), openai.close(), deepseek.close()]);
  });

  const adapter = (id: string, preset: string, fake: FakeProvider): ProviderAdapter =>
    createAdapter({ id, kind: preset === 'openai' ? 'openai' : 'openai-compatible', preset, baseURL: fake.baseURL, apiKey: KEY, defaultModels: ['m'] });

  async function cutThenContinue(next: ProviderAdapter): Promise<{ result: RouteResult; shown: string }> {
    broken.script({ type: 'cut-connection', afterChunks: 3 });
    const adapters: Record<string, ProviderAdapter> = { a: adapter('a', 'custom', broken), b: next };
    const router = createRouter({
      clock: realClock,
      random: () => 0,
      settings: () => makeSettings(['a', 'b']),
      adapter: (id) => adapters[id] ?? { unavailable: 'no key' },
      online: () => true,
    });
    let shown = '';
    const result = await router.route(
      { conversationId: 'c', messages: [{ role: 'user', content: PROMPT }], taskChoice: 'general' },
      { onText: (t) => (shown += t) },
      new AbortController().signal,
    );
    return { result, shown };
  }

  test('OpenAI has no prefill: it is asked in words, and the words it restates are shown once', async () => {
    const { result, shown } = await cutThenContinue(adapter('b', 'openai', openai));
    expect(shown).toBe(ANSWER);
    expect(result.text).toBe(ANSWER);
    expect(result.attempts.map((a) => [a.provider, a.outcome, a.continuationMethod])).toEqual([
      ['a', 'error', undefined],
      ['b', 'ok', 'none'],
    ]);
  });

  test('DeepSeek continues on its beta endpoint with prefix: true', async () => {
    const { result, shown } = await cutThenContinue(adapter('b', 'deepseek', deepseek));
    expect(shown).toBe(ANSWER);
    expect(result.attempts[1]?.continuationMethod).toBe('prefix-flag');
    const sent = deepseek.requests.at(-1);
    expect(sent?.path).toBe('/beta/chat/completions');
    expect((sent?.body.messages as unknown[]).at(-1)).toEqual({ role: 'assistant', content: 'Echo: why is', prefix: true });
  });

  test('Mistral flags the prefix on its usual endpoint; a first request has no prefix at all', async () => {
    const mistral = await startFakeProvider({ protocol: 'openai', apiKey: KEY, prefix: {} });
    try {
      const m = adapter('m', 'mistral', mistral);
      const text = (await drain(m.stream({ model: 'm', messages: [{ role: 'user', content: PROMPT }], continueFrom: 'Echo: wh' }, callOptions())))
        .map((e) => (e.type === 'text' ? e.text : ''))
        .join('');
      expect(text).toBe('y is the sky blue');
      expect(mistral.requests.at(-1)?.path).toBe('/v1/chat/completions');
      await drain(m.stream({ model: 'm', messages: [{ role: 'user', content: PROMPT }] }, callOptions()));
      expect(JSON.stringify(mistral.requests.at(-1)?.body)).not.toContain('prefix');
    } finally {
      await mistral.close();
    }
  });
});
