/**
 * OpenAI-compatible hosts that do not answer errors in OpenAI's shape: the
 * user still sees what the host said, whether it was JSON without an `error`
 * member or a proxy's page of text, and the failure is judged by it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createAdapter } from '../../../electron/main/core/providers/create-adapter.js';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { callOptions, drain, expectFailure, KEY } from './harness.js';

const ask = { model: 'm', messages: [{ role: 'user' as const, content: 'hi' }] };

describe('errors from hosts with their own error bodies', () => {
  let fake: FakeProvider;
  beforeAll(async () => {
    fake = await startFakeProvider({ protocol: 'openai', apiKey: KEY });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const adapter = () => createAdapter({ id: 'custom', kind: 'openai-compatible', baseURL: fake.baseURL, apiKey: KEY, defaultModels: ['m'] });

  test("vLLM's body, which has no error member, gives its message and type", async () => {
    const text = JSON.stringify({ object: 'error', message: "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens.", type: 'BadRequestError', param: null, code: 400 });
    fake.script({ type: 'status', status: 400, body: { text, contentType: 'application/json' } });
    const failure = await expectFailure(() => drain(adapter().stream(ask, callOptions())), { kind: 'context_length' });
    expect(failure.message).toBe("This model's maximum context length is 4096 tokens. However, you requested 5000 tokens.");
  });

  test("a FastAPI server's detail is the message", async () => {
    fake.script({ type: 'status', status: 422, body: { text: JSON.stringify({ detail: 'Field required: messages' }), contentType: 'application/json' } });
    const failure = await expectFailure(() => adapter().complete(ask, callOptions()), { kind: 'bad_request' });
    expect(failure.message).toBe('Field required: messages');
  });

  test("a gateway's page of text is kept, cut to a readable length", async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>${'<!-- padding -->'.repeat(100)}</body></html>`;
    fake.script({ type: 'status', status: 502, body: { text: page, contentType: 'text/html' } });
    const failure = await expectFailure(() => drain(adapter().stream(ask, callOptions())), { kind: 'server' });
    expect(failure.message).toContain('502 Bad Gateway');
    expect(failure.message.length).toBeLessThanOrEqual(500);
    expect(failure.requestId).toMatch(/\S/);
  });
});
