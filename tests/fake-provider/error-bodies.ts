/**
 * The error bodies each protocol really sends, keyed by a fault's `code` (or, when
 * absent, by its status). Messages follow captured real responses.
 */
export interface ErrorInput {
  status: number;
  code?: string;
  message?: string;
  model: string;
  requestId: string;
}

interface Entry {
  type: string;
  code: string | null;
  param?: string;
  message: (input: ErrorInput) => string;
}

const OPENAI: Record<string, Entry> = {
  context_length_exceeded: { type: 'invalid_request_error', code: 'context_length_exceeded', param: 'messages', message: () => "This model's maximum context length is 128000 tokens. However, your messages resulted in 130532 tokens. Please reduce the length of the messages." },
  invalid_api_key: { type: 'invalid_request_error', code: 'invalid_api_key', message: () => 'Incorrect API key provided: sk-fake***0000. You can find your API key at https://platform.openai.com/account/api-keys.' },
  model_not_found: { type: 'invalid_request_error', code: 'model_not_found', message: (i) => `The model \`${i.model}\` does not exist or you do not have access to it.` },
  rate_limit_exceeded: { type: 'tokens', code: 'rate_limit_exceeded', message: (i) => `Rate limit reached for ${i.model} in organization org-fake on tokens per min (TPM): Limit 30000, Used 29937, Requested 385. Please try again in 644ms. Visit https://platform.openai.com/account/rate-limits to learn more.` },
  insufficient_quota: { type: 'insufficient_quota', code: 'insufficient_quota', message: () => 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.' },
  unsupported_country_region_territory: { type: 'request_forbidden', code: 'unsupported_country_region_territory', message: () => 'Country, region, or territory not supported' },
  invalid_request: { type: 'invalid_request_error', code: null, message: () => 'Invalid request.' },
  server_error: { type: 'server_error', code: null, message: (i) => `The server had an error processing your request. Sorry about that! You can retry your request, or contact us through our help center at help.openai.com if the error persists. (Please include the request ID ${i.requestId} in your email.)` },
  overloaded: { type: 'server_error', code: null, message: (i) => `That model is currently overloaded with other requests. You can retry your request, or contact us through our help center at help.openai.com if the error persists. (Please include the request ID ${i.requestId} in your message.)` },
};

function openaiDefaultCode(status: number): string {
  if (status === 401) return 'invalid_api_key';
  if (status === 403) return 'unsupported_country_region_territory';
  if (status === 404) return 'model_not_found';
  if (status === 429) return 'rate_limit_exceeded';
  if (status === 503 || status === 529) return 'overloaded';
  return status >= 500 ? 'server_error' : 'invalid_request';
}

export function openaiErrorBody(input: ErrorInput): unknown {
  const code = input.code ?? openaiDefaultCode(input.status);
  const entry = OPENAI[code];
  const type = entry?.type ?? (input.status >= 500 ? 'server_error' : 'invalid_request_error');
  const message = input.message ?? entry?.message(input) ?? `Request failed: ${code}`;
  return { error: { message, type, param: entry?.param ?? null, code: entry ? entry.code : code } };
}

const ANTHROPIC_TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error', 401: 'authentication_error', 402: 'billing_error', 403: 'permission_error',
  404: 'not_found_error', 413: 'request_too_large', 429: 'rate_limit_error', 500: 'api_error',
  504: 'timeout_error', 529: 'overloaded_error',
};

const ANTHROPIC_MESSAGE_BY_TYPE: Record<string, (i: ErrorInput) => string> = {
  invalid_request_error: () => 'Invalid request',
  authentication_error: () => 'invalid x-api-key',
  billing_error: () => 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
  permission_error: () => 'Your API key does not have permission to use the specified resource.',
  not_found_error: (i) => `model: ${i.model}`,
  request_too_large: () => 'Request exceeds the maximum allowed number of bytes.',
  rate_limit_error: () => 'This request would exceed the rate limit for your organization of 50,000 input tokens per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits.',
  api_error: () => 'Internal server error',
  timeout_error: () => 'Request timed out',
  overloaded_error: () => 'Overloaded',
};

/** Codes shared with the OpenAI vocabulary, in Anthropic's words. */
const ANTHROPIC_BY_CODE: Record<string, { type: string; message: (i: ErrorInput) => string }> = {
  context_length_exceeded: { type: 'invalid_request_error', message: () => 'prompt is too long: 210000 tokens > 200000 maximum' },
  insufficient_quota: { type: 'invalid_request_error', message: () => 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.' },
  model_not_found: { type: 'not_found_error', message: (i) => `model: ${i.model}` },
  invalid_api_key: { type: 'authentication_error', message: () => 'invalid x-api-key' },
  rate_limit_exceeded: { type: 'rate_limit_error', message: (i) => ANTHROPIC_MESSAGE_BY_TYPE.rate_limit_error?.(i) ?? '' },
  overloaded: { type: 'overloaded_error', message: () => 'Overloaded' },
};

export function anthropicErrorBody(input: ErrorInput): unknown {
  const byCode = input.code ? ANTHROPIC_BY_CODE[input.code] : undefined;
  const type = byCode?.type ?? input.code ?? ANTHROPIC_TYPE_BY_STATUS[input.status] ?? (input.status >= 500 ? 'api_error' : 'invalid_request_error');
  const message = input.message ?? byCode?.message(input) ?? ANTHROPIC_MESSAGE_BY_TYPE[type]?.(input) ?? type;
  return { type: 'error', error: { type, message }, request_id: input.requestId };
}

function ollamaMessage(input: ErrorInput): string {
  switch (input.code) {
    case 'context_length_exceeded': return 'the input length exceeds the context length';
    case 'insufficient_quota': return "you've reached your weekly usage limit, please upgrade to continue";
    case 'model_not_found': return `model "${input.model}" not found, try pulling it first`;
    case 'invalid_api_key': return 'unauthorized';
  }
  if (input.status === 401) return 'unauthorized';
  if (input.status === 404) return `model "${input.model}" not found, try pulling it first`;
  if (input.status === 429) return 'too many requests';
  if (input.status === 503) return 'server busy, please try again.  maximum pending requests exceeded';
  if (input.status >= 500) return 'llama runner process has terminated: exit status 2';
  return input.code ?? 'invalid request';
}

export function ollamaErrorBody(input: ErrorInput): unknown {
  return { error: input.message ?? ollamaMessage(input) };
}

/** Ollama's /v1 compatibility layer wraps its own messages in the OpenAI shape. */
export function ollamaOpenaiErrorBody(input: ErrorInput): unknown {
  const type = input.status === 400 ? 'invalid_request_error' : input.status === 404 ? 'not_found_error' : 'api_error';
  return { error: { message: input.message ?? ollamaMessage(input), type, param: null, code: null } };
}
