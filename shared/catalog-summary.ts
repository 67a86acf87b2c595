/**
 * What the renderer needs to offer catalog providers ("Add from catalog") once the
 * user has saved settings of their own, when `providers.list` no longer shows them.
 * The full catalog (prices, quirks) lives in main; a unit test keeps this summary
 * identical to it, so the two cannot drift.
 */
import type { ProviderKind } from './settings.js';

export interface CatalogEntry {
  id: string;
  name: string;
  kind: ProviderKind;
  baseURL: string;
  /** Env vars that may hold the key, most common first; empty when no key is needed. */
  keyEnvVars: readonly string[];
  /** Runs on this machine or the LAN. */
  local: boolean;
}

export const CATALOG_SUMMARY: readonly CatalogEntry[] = [
  { id: 'openai', name: 'OpenAI', kind: 'openai', baseURL: 'https://api.openai.com/v1', keyEnvVars: ['OPENAI_API_KEY'], local: false },
  { id: 'anthropic', name: 'Anthropic', kind: 'anthropic', baseURL: 'https://api.anthropic.com', keyEnvVars: ['ANTHROPIC_API_KEY'], local: false },
  { id: 'groq', name: 'Groq', kind: 'openai-compatible', baseURL: 'https://api.groq.com/openai/v1', keyEnvVars: ['GROQ_API_KEY'], local: false },
  { id: 'deepseek', name: 'DeepSeek', kind: 'openai-compatible', baseURL: 'https://api.deepseek.com/v1', keyEnvVars: ['DEEPSEEK_API_KEY'], local: false },
  { id: 'together', name: 'Together AI', kind: 'openai-compatible', baseURL: 'https://api.together.ai/v1', keyEnvVars: ['TOGETHER_API_KEY'], local: false },
  { id: 'mistral', name: 'Mistral', kind: 'openai-compatible', baseURL: 'https://api.mistral.ai/v1', keyEnvVars: ['MISTRAL_API_KEY'], local: false },
  { id: 'openrouter', name: 'OpenRouter', kind: 'openai-compatible', baseURL: 'https://openrouter.ai/api/v1', keyEnvVars: ['OPENROUTER_API_KEY'], local: false },
  {
    id: 'gemini', name: 'Google Gemini', kind: 'openai-compatible', baseURL: 'https://generativelanguage.googleapis.com/v1beta/openai/',
    keyEnvVars: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'], local: false,
  },
  { id: 'xai', name: 'xAI', kind: 'openai-compatible', baseURL: 'https://api.x.ai/v1', keyEnvVars: ['XAI_API_KEY'], local: false },
  {
    id: 'zhipu', name: 'Zhipu GLM', kind: 'openai-compatible', baseURL: 'https://open.bigmodel.cn/api/paas/v4',
    keyEnvVars: ['ZHIPUAI_API_KEY', 'ZHIPU_API_KEY', 'ZAI_API_KEY', 'BIGMODEL_API_KEY'], local: false,
  },
  { id: 'cohere', name: 'Cohere', kind: 'openai-compatible', baseURL: 'https://api.cohere.ai/compatibility/v1', keyEnvVars: ['COHERE_API_KEY', 'CO_API_KEY'], local: false },
  { id: 'huggingface', name: 'Hugging Face', kind: 'openai-compatible', baseURL: 'https://router.huggingface.co/v1', keyEnvVars: ['HF_TOKEN'], local: false },
  { id: 'fireworks', name: 'Fireworks', kind: 'openai-compatible', baseURL: 'https://api.fireworks.ai/inference/v1', keyEnvVars: ['FIREWORKS_API_KEY'], local: false },
  { id: 'perplexity', name: 'Perplexity', kind: 'openai-compatible', baseURL: 'https://api.perplexity.ai', keyEnvVars: ['PERPLEXITY_API_KEY'], local: false },
  { id: 'ollama', name: 'Ollama', kind: 'ollama', baseURL: 'http://127.0.0.1:11434', keyEnvVars: [], local: true },
  { id: 'lmstudio', name: 'LM Studio', kind: 'openai-compatible', baseURL: 'http://127.0.0.1:1234/v1', keyEnvVars: [], local: true },
  { id: 'vllm', name: 'vLLM', kind: 'openai-compatible', baseURL: 'http://127.0.0.1:8000/v1', keyEnvVars: [], local: true },
  { id: 'llamacpp', name: 'llama.cpp server', kind: 'openai-compatible', baseURL: 'http://127.0.0.1:8080/v1', keyEnvVars: [], local: true },
  {
    id: 'custom', name: 'Custom OpenAI-compatible', kind: 'openai-compatible', baseURL: 'http://127.0.0.1:4000/v1',
    keyEnvVars: ['CUSTOM_OPENAI_API_KEY'], local: false,
  },
];
