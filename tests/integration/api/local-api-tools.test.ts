/**
 * Tool calls through the local API in both formats, streamed and not, answered
 * by providers that speak the same format or the other one.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type OpenAI from 'openai';
import { useApiRig, WEATHER_TOOL } from './api-harness.js';

const live = useApiRig({ beforeAll, afterAll, beforeEach, afterEach });

const openAiTools: OpenAI.Chat.ChatCompletionTool[] = [{ type: 'function', function: WEATHER_TOOL }];
const anthropicTools = [{ name: WEATHER_TOOL.name, description: WEATHER_TOOL.description, input_schema: WEATHER_TOOL.parameters as { type: 'object' } }];

describe.each([
  ['an OpenAI-format provider', 'oa/gpt-test'],
  ['an Anthropic provider', 'claude/claude-test'],
  ['Ollama', 'local/llama3.2'],
])('the openai SDK with tools, answered by %s', (_name, model) => {
  it('gets the tool call whole, then the answer to its result', async () => {
    const client = live.rig.openai();
    const question: OpenAI.Chat.ChatCompletionMessageParam = { role: 'user', content: 'weather in Oslo' };
    const first = await client.chat.completions.create({ model, messages: [question], tools: openAiTools });
    const call = first.choices[0]?.message.tool_calls?.[0];
    expect(first.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type === 'function' && call.function.name).toBe('get_weather');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ query: 'weather in Oslo' });

    const second = await client.chat.completions.create({
      model,
      tools: openAiTools,
      messages: [question, first.choices[0]!.message, { role: 'tool', tool_call_id: call!.id, content: 'sunny, 21 C' }],
    });
    expect(second.choices[0]?.message.content).toBe('Tool said: sunny, 21 C');
  });

  it('streams the tool call, which the SDK assembles into one', async () => {
    const stream = live.rig.openai().chat.completions.stream({ model, messages: [{ role: 'user', content: 'weather in Rome' }], tools: openAiTools });
    const done = await stream.finalChatCompletion();
    const call = done.choices[0]?.message.tool_calls?.[0];
    expect(done.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ query: 'weather in Rome' });
  });
});

describe.each([
  ['an OpenAI-format provider', 'oa/gpt-test'],
  ['an Anthropic provider', 'claude/claude-test'],
])('the anthropic SDK with tools, answered by %s', (_name, model) => {
  it('gets a tool_use block, then the answer to its tool_result', async () => {
    const client = live.rig.anthropic();
    const first = await client.messages.create({ model, max_tokens: 300, tools: anthropicTools, messages: [{ role: 'user', content: 'weather in Lima' }] });
    expect(first.stop_reason).toBe('tool_use');
    const use = first.content.find((b) => b.type === 'tool_use');
    expect(use).toMatchObject({ type: 'tool_use', name: 'get_weather', input: { query: 'weather in Lima' } });

    const second = await client.messages.create({
      model,
      max_tokens: 300,
      tools: anthropicTools,
      messages: [
        { role: 'user', content: 'weather in Lima' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: use!.type === 'tool_use' ? use!.id : '', content: 'foggy' }] },
      ],
    });
    expect(second.content).toEqual([{ type: 'text', text: 'Tool said: foggy' }]);
  });

  it('streams the tool_use block with its input', async () => {
    const message = await live.rig.anthropic().messages.stream({ model, max_tokens: 300, tools: anthropicTools, messages: [{ role: 'user', content: 'weather in Kyiv' }] }).finalMessage();
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content.find((b) => b.type === 'tool_use')).toMatchObject({ name: 'get_weather', input: { query: 'weather in Kyiv' } });
  });
});

describe('targets that cannot call tools', () => {
  it('are skipped, and the trace says why', async () => {
    const { data, response } = await live.rig
      .openai()
      .chat.completions.create({ model: 'switchboard/research', messages: [{ role: 'user', content: 'look it up' }], tools: openAiTools })
      .withResponse();
    expect(response.headers.get('x-switchboard-provider')).toBe('oa');
    expect(data.choices[0]?.message.tool_calls).toHaveLength(1);
    expect(live.fakes.oa.requests.map((r) => r.model)).toEqual(['gpt-test']);
    const preview = live.rig.core.router.preview({ messages: [{ role: 'user', content: 'x' }], taskChoice: 'research', tools: [WEATHER_TOOL] });
    expect(preview.skipped).toContainEqual({ provider: 'pplx', model: 'sonar', reason: 'cannot call tools (catalog)' });
  });

  it('still answer a request without tools', async () => {
    const { response } = await live.rig.openai().chat.completions.create({ model: 'switchboard/research', messages: [{ role: 'user', content: 'plain' }] }).withResponse();
    expect(response.headers.get('x-switchboard-provider')).toBe('pplx');
  });
});
