/**
 * The official openai and @anthropic-ai/sdk clients against Switchboard's local
 * API, which routes to fake providers speaking the real wire formats.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useApiRig } from './api-harness.js';

const live = useApiRig({ beforeAll, afterAll, beforeEach, afterEach });

describe('the openai SDK', () => {
  it('gets a whole completion through the router, with the headers naming who answered', async () => {
    const { data, response } = await live.rig
      .openai()
      .chat.completions.create({ model: 'switchboard/auto', messages: [{ role: 'user', content: 'hello there' }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe('Echo: hello there');
    expect(data.choices[0]?.finish_reason).toBe('stop');
    expect(data.model).toBe('oa/gpt-test');
    expect(data.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(response.headers.get('x-switchboard-provider')).toBe('oa');
    expect(response.headers.get('x-switchboard-model')).toBe('gpt-test');
    expect(response.headers.get('x-switchboard-task')).toBe('general');
    expect(response.headers.get('x-switchboard-attempts')).toBe('1');
  });

  it('streams, with one usage chunk at the end when include_usage asks for it', async () => {
    const stream = await live.rig.openai().chat.completions.create({
      model: 'switchboard/auto',
      messages: [{ role: 'user', content: 'stream me a reply' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    const usages: unknown[] = [];
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usages.push(chunk.usage);
    }
    expect(text).toBe('Echo: stream me a reply');
    expect(finish).toBe('stop');
    expect(usages).toHaveLength(1);
  });

  it('streams without a usage chunk when none is asked for', async () => {
    const stream = await live.rig.openai().chat.completions.create({ model: 'switchboard/auto', messages: [{ role: 'user', content: 'no usage' }], stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.some((c) => c.usage)).toBe(false);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Echo: no usage');
  });

  it('lists one virtual model per task type, custom ones included, and every concrete provider/model', async () => {
    const ids = [];
    for await (const model of live.rig.openai().models.list()) ids.push(model.id);
    expect(ids).toEqual(expect.arrayContaining(['switchboard/auto', 'switchboard/general', 'switchboard/code', 'switchboard/research', 'oa/gpt-test', 'claude/claude-test', 'local/llama3.2']));
  });

  it('forces a concrete target, answered by an Anthropic provider in OpenAI format', async () => {
    const { data, response } = await live.rig
      .openai()
      .chat.completions.create({ model: 'claude/claude-test', messages: [{ role: 'user', content: 'to claude' }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe('Echo: to claude');
    expect(response.headers.get('x-switchboard-provider')).toBe('claude');
    expect(live.fakes.oa.requests).toHaveLength(0);
  });

  it('refuses an unknown model and a malformed request with a 400 in OpenAI format', async () => {
    const client = live.rig.openai();
    await expect(client.chat.completions.create({ model: 'nobody/model', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 400,
      error: { type: 'invalid_request_error', param: 'model' },
    });
    await expect(client.chat.completions.create({ model: 'switchboard/auto', messages: [] })).rejects.toMatchObject({ status: 400 });
  });
});

describe('the anthropic SDK', () => {
  it('gets a whole message from a virtual model', async () => {
    const { data, response } = await live.rig
      .anthropic()
      .messages.create({ model: 'switchboard/code', max_tokens: 200, system: 'be brief', messages: [{ role: 'user', content: 'hello claude' }] })
      .withResponse();
    expect(data.content).toEqual([{ type: 'text', text: 'Echo: hello claude' }]);
    expect(data.stop_reason).toBe('end_turn');
    expect(response.headers.get('x-switchboard-task')).toBe('code');
    expect(response.headers.get('x-switchboard-provider')).toBe('claude');
  });

  it('streams from an OpenAI-format provider, with usage in the final message', async () => {
    const stream = live.rig.anthropic().messages.stream({ model: 'oa/gpt-test', max_tokens: 200, messages: [{ role: 'user', content: 'stream it' }] });
    let text = '';
    stream.on('text', (t) => (text += t));
    const message = await stream.finalMessage();
    expect(text).toBe('Echo: stream it');
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.output_tokens).toBeGreaterThan(0);
  });

  it('counts tokens without calling a provider', async () => {
    const counted = await live.rig.anthropic().messages.countTokens({ model: 'switchboard/auto', messages: [{ role: 'user', content: 'count these words please' }] });
    expect(counted.input_tokens).toBeGreaterThan(4);
    expect(live.fakes.claude.requests).toHaveLength(0);
  });

  it('gets Anthropic-format errors: a missing max_tokens is a 400', async () => {
    const error = await live.rig
      .anthropic()
      .messages.create({ model: 'switchboard/auto', messages: [{ role: 'user', content: 'x' }] } as never)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, error: { type: 'error', error: { type: 'invalid_request_error' } } });
  });
});
