/**
 * Fake providers failing behind the local API: before the answer, mid-stream,
 * all of them; each ending the way the endpoint's own clients expect.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useApiRig } from './api-harness.js';

const live = useApiRig({ beforeAll, afterAll, beforeEach, afterEach });

const ask = (content: string) => [{ role: 'user' as const, content }];

describe('failover behind the API', () => {
  it('moves on when the first target fails before answering, and says so in the headers', async () => {
    live.fakes.oa.script({ type: 'status', status: 503 });
    const { data, response } = await live.rig.openai().chat.completions.create({ model: 'switchboard/auto', messages: ask('fail first') }).withResponse();
    expect(data.choices[0]?.message.content).toBe('Echo: fail first');
    expect(response.headers.get('x-switchboard-provider')).toBe('claude');
    expect(response.headers.get('x-switchboard-attempts')).toBe('2');
    // Both calls land in the attempts table as the API's, so health, usage and quotas count them.
    live.rig.core.storage.attempts.flush();
    const rows = live.rig.core.storage.db.prepare('SELECT source, provider, outcome, http_status, fallback FROM attempts ORDER BY id').all();
    expect(rows).toEqual([
      { source: 'api', provider: 'oa', outcome: 'error', http_status: 503, fallback: 0 },
      { source: 'api', provider: 'claude', outcome: 'ok', http_status: null, fallback: 1 },
    ]);
  });

  it('continues a stream cut mid-answer as one stream: no repeated text, one usage (openai SDK)', async () => {
    live.fakes.oa.script({ type: 'error-mid-stream', afterChunks: 2 });
    const stream = await live.rig.openai().chat.completions.create({
      model: 'switchboard/auto',
      messages: ask('a long enough answer to cut'),
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usages = 0;
    let finishes = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.choices[0]?.finish_reason) finishes += 1;
      if (chunk.usage) usages += 1;
    }
    expect(text).toBe('Echo: a long enough answer to cut');
    expect(usages).toBe(1);
    expect(finishes).toBe(1);
    expect(live.fakes.claude.requests).toHaveLength(1);
  });

  it('continues a stream cut mid-answer for the anthropic SDK too', async () => {
    live.fakes.claude.script({ type: 'cut-connection', afterChunks: 3 });
    const stream = live.rig.anthropic().messages.stream({ model: 'switchboard/code', max_tokens: 300, messages: ask('cut this connection please') });
    let text = '';
    stream.on('text', (t) => (text += t));
    const message = await stream.finalMessage();
    expect(text).toBe('Echo: cut this connection please');
    expect(message.content).toEqual([{ type: 'text', text: 'Echo: cut this connection please' }]);
    expect(live.fakes.local.requests).toHaveLength(1);
  });

  it('keeps the local fallback last for a concrete model, unless x-switchboard-no-fallback says no', async () => {
    live.fakes.claude.always({ type: 'status', status: 500 });
    const { response } = await live.rig.openai().chat.completions.create({ model: 'claude/claude-test', messages: ask('forced') }).withResponse();
    expect(response.headers.get('x-switchboard-provider')).toBe('local');
    expect(live.fakes.oa.requests).toHaveLength(0);

    const refused = await live.rig
      .openai()
      .chat.completions.create({ model: 'claude/claude-test', messages: ask('forced, alone') }, { headers: { 'x-switchboard-no-fallback': '1' } })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 502, error: { type: 'server_error' } });
    expect(String((refused as Error).message)).toMatch(/claude/);
    expect(live.fakes.local.requests).toHaveLength(1);
  });

  it('answers 429 when every target is rate-limited, in each format', async () => {
    for (const fake of Object.values(live.fakes)) fake.always({ type: 'status', status: 429, retryAfter: '30' });
    await expect(live.rig.openai().chat.completions.create({ model: 'switchboard/auto', messages: ask('limited') })).rejects.toMatchObject({ status: 429 });
    const error = await live.rig
      .anthropic()
      .messages.create({ model: 'oa/gpt-test', max_tokens: 100, messages: ask('limited') })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, error: { error: { type: 'rate_limit_error' } } });
  });

  it('answers 502 when every target failed, and never shows a provider key', async () => {
    for (const fake of Object.values(live.fakes)) fake.always({ type: 'status', status: 500, message: 'broken, key sk-oa-secret-key-1234' });
    const error = await live.rig.openai().chat.completions.create({ model: 'switchboard/auto', messages: ask('all down') }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502 });
    expect(JSON.stringify((error as { error: unknown }).error)).not.toContain('sk-oa-secret-key-1234');
  });

  it('ends a stream with the format\'s own error event when every target fails after text was sent', async () => {
    live.fakes.claude.always({ type: 'error-mid-stream', afterChunks: 2 });
    live.fakes.local.always({ type: 'status', status: 500 });
    const stream = live.rig.anthropic().messages.stream({ model: 'claude/claude-test', max_tokens: 300, messages: ask('both break') });
    let text = '';
    stream.on('text', (t) => (text += t));
    await expect(stream.finalMessage()).rejects.toThrow();
    expect(text.length).toBeGreaterThan(0);
  });
});
