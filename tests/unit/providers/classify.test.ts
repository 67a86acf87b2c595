import { describe, expect, test } from 'vitest';
import { classifyFailure } from '../../../electron/main/core/providers/errors/classify.js';
import { factsFromBody } from '../../../electron/main/core/providers/errors/build-error.js';
import { classifyTransport } from '../../../electron/main/core/providers/errors/transport.js';

/** Classifies a literal error body the way the adapters do: body facts plus status. */
function kindOf(status: number | undefined, body: unknown) {
  const facts = factsFromBody(body);
  return classifyFailure({ status, type: facts.type, code: facts.code, message: facts.message ?? '' });
}

describe('OpenAI error bodies (wire-protocols.md §1)', () => {
  test.each([
    [400, { error: { message: "This model's maximum context length is 4097 tokens. However, your messages resulted in 4294 tokens. Please reduce the length of the messages.", type: 'invalid_request_error', param: 'messages', code: 'context_length_exceeded' } }, 'context_length'],
    [401, { error: { message: 'Incorrect API key provided: sk-VKMIs***wjh3.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }, 'auth'],
    [404, { error: { message: 'The model `computer-use-preview-2025-03-11` does not exist or you do not have access to it.', type: 'invalid_request_error', param: null, code: 'model_not_found' } }, 'model_not_found'],
    [429, { error: { message: 'Rate limit reached for gpt-4o in organization org-xxx on tokens per min (TPM): Limit 30000, Used 29937, Requested 385. Please try again in 644ms.', type: 'tokens', param: null, code: 'rate_limit_exceeded' } }, 'rate_limited'],
    [429, { error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } }, 'quota_exhausted'],
    [429, { error: { message: 'Your credit balance is exhausted.', type: 'insufficient_quota', param: null, code: 'credit_balance_exhausted' } }, 'quota_exhausted'],
    [429, { error: { message: 'Spend limit reached.', type: 'insufficient_quota', param: null, code: 'organization_spend_limit_exceeded' } }, 'quota_exhausted'],
    [500, { error: { message: 'The server had an error processing your request. Sorry about that!', type: 'server_error', param: null, code: null } }, 'server'],
    [503, { error: { message: 'That model is currently overloaded with other requests.', type: 'server_error', param: null, code: null } }, 'overloaded'],
    [403, { error: { message: 'Country, region, or territory not supported', type: 'request_forbidden', code: 'unsupported_country_region_territory' } }, 'auth'],
    [400, { error: { message: 'Invalid request.', type: 'invalid_request_error', code: null } }, 'bad_request'],
    [400, { error: { message: 'Your request was rejected as a result of our safety system.', type: 'invalid_request_error', code: 'content_policy_violation' } }, 'content_filter'],
  ])('%i %j → %s', (status, body, kind) => {
    expect(kindOf(status, body)).toBe(kind);
  });

  test('an error event inside a 200 stream is a cut answer', () => {
    expect(kindOf(undefined, { error: { message: 'An error occurred while processing your request.', type: 'server_error', code: 'server_error', param: null } })).toBe('stream_interrupted');
  });
});

describe('Anthropic error bodies (wire-protocols.md §2)', () => {
  test.each([
    [529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' }, request_id: 'req_011CZAau32QzxDkriovTaFCB' }, 'overloaded'],
    [429, { type: 'error', error: { type: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit' } }, 'rate_limited'],
    [429, { type: 'error', error: { type: 'rate_limit_error', message: 'Spend limit reached', details: { error_code: 'enforced_spend_limit_reached' } } }, 'quota_exhausted'],
    [400, { type: 'error', error: { type: 'billing_error', message: 'Your credit balance is too low to access the Anthropic API.' } }, 'quota_exhausted'],
    [400, { type: 'error', error: { type: 'invalid_request_error', message: 'prompt is too long: 210000 tokens > 200000 maximum' } }, 'context_length'],
    [401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } }, 'auth'],
    [403, { type: 'error', error: { type: 'permission_error', message: 'Your API key does not have permission' } }, 'auth'],
    [404, { type: 'error', error: { type: 'not_found_error', message: 'model: claude-9' } }, 'model_not_found'],
    [413, { type: 'error', error: { type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes.' } }, 'context_length'],
    [500, { type: 'error', error: { type: 'api_error', message: 'Internal server error' } }, 'server'],
  ])('%i %j → %s', (status, body, kind) => {
    expect(kindOf(status, body)).toBe(kind);
  });

  test('a request id in the body is kept', () => {
    expect(factsFromBody({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' }, request_id: 'req_1' }).requestId).toBe('req_1');
  });

  test('an overloaded error event mid-stream is a cut answer', () => {
    expect(kindOf(undefined, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })).toBe('stream_interrupted');
  });
});

describe('Ollama errors (wire-protocols.md §3)', () => {
  test.each([
    [404, { error: "model 'llama9' not found" }, 'model_not_found'],
    [404, { error: 'model "x" not found, try pulling it first' }, 'model_not_found'],
    [400, { error: 'model is required' }, 'bad_request'],
    [500, { error: 'input length exceeds the context length' }, 'context_length'],
    [429, { error: 'too many requests' }, 'rate_limited'],
    [502, { error: 'bad gateway' }, 'server'],
  ])('%i %j → %s', (status, body, kind) => {
    expect(kindOf(status, body)).toBe(kind);
  });
});

describe('OpenAI-compatible hosts’ wordings', () => {
  test.each([
    ['DeepSeek', 400, { error: { message: "This model's maximum context length is 65536 tokens. However, you requested 70000 tokens.", type: 'invalid_request_error', code: 'invalid_request_error' } }, 'context_length'],
    ['DeepSeek balance', 402, { error: { message: 'Insufficient Balance', type: 'unknown_error' } }, 'quota_exhausted'],
    ['Groq', 400, { error: { message: 'Please reduce the length of the messages or completion.', type: 'invalid_request_error', code: 'context_length_exceeded' } }, 'context_length'],
    ['Groq model', 404, { error: { message: 'The model `llama-9` does not exist or you do not have access to it.', type: 'invalid_request_error', code: 'model_not_found' } }, 'model_not_found'],
    ['Mistral', 400, { object: 'error', message: 'Prompt contains 40000 tokens, too many tokens for model with 32000 maximum context length', type: 'invalid_request_error', code: null }, 'context_length'],
    ['vLLM', 400, { object: 'error', message: "This model's maximum context length is 8192 tokens.", type: 'BadRequestError', code: 400 }, 'context_length'],
    ['Gemini', 503, { error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } }, 'overloaded'],
    ['Gemini 429', 429, [{ error: { code: 429, message: 'Resource has been exhausted', status: 'RESOURCE_EXHAUSTED' } }], 'rate_limited'],
    ['FastAPI', 422, { detail: [{ loc: ['body', 'messages'], msg: 'field required' }] }, 'bad_request'],
  ])('%s %i → %s', (_host, status, body, kind) => {
    expect(kindOf(status, body)).toBe(kind);
  });

  test('the provider’s own words are kept from every body shape', () => {
    expect(factsFromBody({ object: 'error', message: 'too many tokens', type: 'invalid_request_error' }).message).toBe('too many tokens');
    expect(factsFromBody({ error: "model 'x' not found" }).message).toBe("model 'x' not found");
    expect(factsFromBody('upstream connect error').message).toBe('upstream connect error');
  });
});

describe('transport failures', () => {
  const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
  const dns = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND x.invalid'), { code: 'ENOTFOUND' }) });
  const reset = Object.assign(new TypeError('terminated'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });

  test('before headers they mean the host cannot be reached', () => {
    expect(classifyTransport(refused, false)).toBe('network');
    expect(classifyTransport(dns, false)).toBe('network');
    expect(classifyTransport(reset, false)).toBe('network');
  });

  test('after headers they mean the answer was cut', () => {
    expect(classifyTransport(reset, true)).toBe('stream_interrupted');
    expect(classifyTransport(new SyntaxError('Unexpected end of JSON input'), true)).toBe('stream_interrupted');
  });

  test('a connect timeout from the socket layer is a timeout', () => {
    const slow = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' }) });
    expect(classifyTransport(slow, false)).toBe('timeout');
  });
});
