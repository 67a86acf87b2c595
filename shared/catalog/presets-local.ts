/**
 * Ollama's /api/chat continues a final assistant message; the OpenAI-compatible
 * servers do so only behind flags of their own, so they are asked in words.
 * Hosts on this machine or a gateway the user runs. Local models cost nothing;
 * a gateway's prices depend on what it routes to, so they are unknown.
 */
import type { ProviderPreset } from './preset-types.js';

const LOCAL_CAPS = { vision: false, tools: true, longContext: false };
const local = (id: string, name: string, baseURL: string, note: string): ProviderPreset => ({
  id, name, kind: 'openai-compatible', baseURL, keyEnvVars: [], local: true, continuation: 'none', capabilities: LOCAL_CAPS, note,
  models: [{ id: 'local-model', price: 'free' }],
});

export const LOCAL_PRESETS: ProviderPreset[] = [
  {
    id: 'ollama', continuation: 'native', name: 'Ollama', kind: 'ollama', baseURL: 'http://127.0.0.1:11434', keyEnvVars: [], local: true,
    capabilities: LOCAL_CAPS, note: 'Also accepts http://localhost:11434 and the /v1 form.',
    models: [
      { id: 'llama3.2', price: 'free', contextWindow: 131_072 },
      { id: 'qwen2.5-coder', price: 'free', contextWindow: 32_768 },
      { id: 'mistral', price: 'free', contextWindow: 32_768 },
    ],
  },
  local('lmstudio', 'LM Studio', 'http://127.0.0.1:1234/v1', 'Load a model in LM Studio and start its server.'),
  local('vllm', 'vLLM', 'http://127.0.0.1:8000/v1', 'Use the model name vLLM was started with.'),
  local('llamacpp', 'llama.cpp server', 'http://127.0.0.1:8080/v1', 'llama-server serves one model; any name works.'),
  {
    id: 'custom', continuation: 'none', name: 'Custom OpenAI-compatible', kind: 'openai-compatible', baseURL: 'http://127.0.0.1:4000/v1',
    keyEnvVars: ['CUSTOM_OPENAI_API_KEY'], capabilities: LOCAL_CAPS,
    note: 'Any OpenAI-compatible server or gateway (LiteLLM, Portkey); add its headers if it needs them.',
    models: [{ id: 'default', price: 'unknown' }],
  },
];
