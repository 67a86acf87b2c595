/**
 * Cloud hosts. `continuation` follows each host's docs: Anthropic prefills natively
 * (not with extended thinking, which Switchboard never turns on); DeepSeek (beta
 * endpoint) and Mistral continue an assistant message flagged `prefix: true`;
 * OpenAI's Chat Completions writes a fresh answer after a trailing assistant
 * message, and the others promise nothing, so they are asked in words. Prices are USD per million tokens (input/output) and context
 * windows in tokens, pinned from public price lists.
 */
import type { ModelPrice, PresetModel, ProviderPreset } from './preset-types.js';

const usd = (inputUsdPerMTok: number, outputUsdPerMTok: number): ModelPrice => ({ inputUsdPerMTok, outputUsdPerMTok });
const m = (id: string, price: PresetModel['price'], contextWindow?: number, maxOutputTokens?: number): PresetModel => ({ id, price, contextWindow, ...(maxOutputTokens ? { maxOutputTokens } : {}) });
const ALL = { vision: true, tools: true, longContext: true };
const TEXT_TOOLS = { vision: false, tools: true, longContext: true };

export const CLOUD_PRESETS: ProviderPreset[] = [
  {
    id: 'openai', continuation: 'none', name: 'OpenAI', kind: 'openai', baseURL: 'https://api.openai.com/v1', keyEnvVars: ['OPENAI_API_KEY'],
    capabilities: ALL, quirks: { maxTokensField: 'max_completion_tokens' },
    models: [
      m('gpt-4o-mini', usd(0.15, 0.6), 128_000, 16_384),
      m('gpt-4o', usd(2.5, 10), 128_000, 16_384),
      m('gpt-4.1', usd(2, 8), 1_047_576, 32_768),
      m('gpt-4.1-mini', usd(0.4, 1.6), 1_047_576, 32_768),
      m('gpt-5', usd(1.25, 10), 400_000, 128_000),
      m('gpt-5-mini', usd(0.25, 2), 400_000, 128_000),
      m('o4-mini', usd(1.1, 4.4), 200_000),
    ],
  },
  {
    id: 'anthropic', continuation: 'native', name: 'Anthropic', kind: 'anthropic', baseURL: 'https://api.anthropic.com', keyEnvVars: ['ANTHROPIC_API_KEY'],
    capabilities: ALL,
    models: [
      m('claude-sonnet-4-6', usd(3, 15), 200_000, 64_000),
      m('claude-haiku-4-5', usd(1, 5), 200_000, 64_000),
      m('claude-opus-4-5', usd(5, 25), 200_000, 64_000),
      m('claude-sonnet-4-5', usd(3, 15), 200_000, 64_000),
    ],
  },
  {
    id: 'groq', continuation: 'none', name: 'Groq', kind: 'openai-compatible', baseURL: 'https://api.groq.com/openai/v1', keyEnvVars: ['GROQ_API_KEY'],
    capabilities: TEXT_TOOLS, quirks: { usageInXGroq: true },
    note: 'Request limits are per day, token limits per minute.',
    models: [
      m('llama-3.3-70b-versatile', usd(0.59, 0.79), 131_072),
      m('llama-3.1-8b-instant', usd(0.05, 0.08), 131_072),
      m('openai/gpt-oss-120b', usd(0.15, 0.75), 131_072),
      m('openai/gpt-oss-20b', usd(0.1, 0.5), 131_072),
    ],
  },
  {
    id: 'deepseek', continuation: 'prefix-flag', name: 'DeepSeek', kind: 'openai-compatible', baseURL: 'https://api.deepseek.com/v1', keyEnvVars: ['DEEPSEEK_API_KEY'],
    capabilities: { vision: false, tools: true, longContext: false }, quirks: { prefixEndpoint: '/beta/chat/completions' },
    models: [m('deepseek-chat', usd(0.27, 1.1), 65_536), m('deepseek-reasoner', usd(0.55, 2.19), 65_536)],
  },
  {
    id: 'together', continuation: 'none', name: 'Together AI', kind: 'openai-compatible', baseURL: 'https://api.together.ai/v1', keyEnvVars: ['TOGETHER_API_KEY'],
    capabilities: TEXT_TOOLS, note: 'Older base URL: https://api.together.xyz/v1',
    models: [
      m('meta-llama/Llama-3.3-70B-Instruct-Turbo', usd(0.88, 0.88), 131_072),
      m('deepseek-ai/DeepSeek-V3', usd(1.25, 1.25), 131_072),
      m('Qwen/Qwen2.5-72B-Instruct-Turbo', usd(1.2, 1.2), 32_768),
    ],
  },
  {
    id: 'mistral', continuation: 'prefix-flag', name: 'Mistral', kind: 'openai-compatible', baseURL: 'https://api.mistral.ai/v1', keyEnvVars: ['MISTRAL_API_KEY'],
    capabilities: TEXT_TOOLS,
    models: [
      m('mistral-small-latest', usd(0.1, 0.3), 32_000),
      m('mistral-large-latest', usd(2, 6), 128_000),
      m('codestral-latest', usd(0.3, 0.9), 256_000),
    ],
  },
  {
    id: 'openrouter', continuation: 'none', name: 'OpenRouter', kind: 'openai-compatible', baseURL: 'https://openrouter.ai/api/v1', keyEnvVars: ['OPENROUTER_API_KEY'],
    capabilities: ALL, headers: { 'X-Title': 'Switchboard' },
    models: [
      m('openai/gpt-4o-mini', usd(0.15, 0.6), 128_000),
      m('anthropic/claude-sonnet-4.5', usd(3, 15), 200_000),
      m('meta-llama/llama-3.3-70b-instruct:free', 'free', 131_072),
    ],
  },
  {
    id: 'gemini', continuation: 'none', name: 'Google Gemini', kind: 'openai-compatible',
    baseURL: 'https://generativelanguage.googleapis.com/v1beta/openai/', keyEnvVars: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
    capabilities: ALL,
    models: [
      m('gemini-2.5-flash', usd(0.3, 2.5), 1_048_576),
      m('gemini-2.5-pro', usd(1.25, 10), 1_048_576),
      m('gemini-2.0-flash', usd(0.1, 0.4), 1_048_576),
      m('gemini-2.5-flash-lite', usd(0.1, 0.4), 1_048_576),
    ],
  },
  {
    id: 'xai', continuation: 'none', name: 'xAI', kind: 'openai-compatible', baseURL: 'https://api.x.ai/v1', keyEnvVars: ['XAI_API_KEY'],
    capabilities: ALL,
    models: [m('grok-4', usd(3, 15), 256_000), m('grok-3-mini', usd(0.3, 0.5), 131_072), m('grok-3', usd(3, 15), 131_072)],
  },
  {
    id: 'zhipu', continuation: 'none', name: 'Zhipu GLM', kind: 'openai-compatible', baseURL: 'https://open.bigmodel.cn/api/paas/v4',
    keyEnvVars: ['ZHIPUAI_API_KEY', 'ZHIPU_API_KEY', 'ZAI_API_KEY', 'BIGMODEL_API_KEY'],
    capabilities: TEXT_TOOLS, quirks: { maxTokensField: 'max_tokens' },
    note: 'International endpoint: https://api.z.ai/api/paas/v4',
    models: [m('glm-4.6', usd(0.6, 2.2), 200_000), m('glm-4.5-air', usd(0.2, 1.1), 131_072), m('glm-4-flash', 'free', 128_000)],
  },
  {
    id: 'cohere', continuation: 'none', name: 'Cohere', kind: 'openai-compatible', baseURL: 'https://api.cohere.ai/compatibility/v1',
    keyEnvVars: ['COHERE_API_KEY', 'CO_API_KEY'], capabilities: TEXT_TOOLS, quirks: { noStreamOptions: true },
    models: [
      m('command-a-03-2025', usd(2.5, 10), 256_000),
      m('command-r-plus-08-2024', usd(2.5, 10), 128_000),
      m('command-r7b-12-2024', usd(0.0375, 0.15), 128_000),
    ],
  },
  {
    id: 'huggingface', continuation: 'none', name: 'Hugging Face', kind: 'openai-compatible', baseURL: 'https://router.huggingface.co/v1', keyEnvVars: ['HF_TOKEN'],
    capabilities: TEXT_TOOLS, note: 'Append ":provider" to a model id to pick the serving provider.',
    models: [m('meta-llama/Llama-3.1-8B-Instruct', 'unknown', 131_072), m('openai/gpt-oss-120b', 'unknown', 131_072)],
  },
  {
    id: 'fireworks', continuation: 'none', name: 'Fireworks', kind: 'openai-compatible', baseURL: 'https://api.fireworks.ai/inference/v1',
    keyEnvVars: ['FIREWORKS_API_KEY'], capabilities: TEXT_TOOLS,
    models: [
      m('accounts/fireworks/models/llama-v3p3-70b-instruct', usd(0.9, 0.9), 131_072),
      m('accounts/fireworks/models/deepseek-v3', usd(0.9, 0.9), 131_072),
      m('accounts/fireworks/models/gpt-oss-120b', usd(0.15, 0.6), 131_072),
    ],
  },
  {
    id: 'perplexity', continuation: 'none', name: 'Perplexity', kind: 'openai-compatible', baseURL: 'https://api.perplexity.ai', keyEnvVars: ['PERPLEXITY_API_KEY'],
    capabilities: { vision: false, tools: false, longContext: true }, note: 'Per-request search fees are not counted.',
    models: [m('sonar', usd(1, 1), 127_072), m('sonar-pro', usd(3, 15), 200_000), m('sonar-reasoning', usd(1, 5), 127_072)],
  },
];
