/**
 * A real core over three fake providers (OpenAI, Anthropic and Ollama wire
 * formats) with the local API in front, for the official SDKs to talk to.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { createCore, type Core } from '../../../electron/main/core/app-core.js';
import { MemorySecretStore } from '../../../electron/main/core/secrets/memory-secret-store.js';
import { apiCoreOf } from '../../../electron/api/core-bridge.js';
import { startApiServer, type ApiServer } from '../../../electron/api/server.js';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';

export interface Fakes {
  oa: FakeProvider;
  claude: FakeProvider;
  local: FakeProvider;
}

export async function startFakes(): Promise<Fakes> {
  const [oa, claude, local] = await Promise.all([
    startFakeProvider({ protocol: 'openai', apiKey: 'sk-oa-secret-key-1234', models: ['gpt-test', 'sonar'] }),
    startFakeProvider({ protocol: 'anthropic', apiKey: 'sk-ant-secret-key-5678', models: ['claude-test'] }),
    startFakeProvider({ protocol: 'ollama', models: ['llama3.2'] }),
  ]);
  return { oa, claude, local };
}

export function settingsFor(fakes: Fakes, api: Record<string, unknown> = {}) {
  return {
    providers: [
      { id: 'oa', kind: 'openai-compatible', baseURL: fakes.oa.baseURL, apiKeyEnv: 'OA_KEY', models: ['gpt-test'] },
      { id: 'claude', kind: 'anthropic', baseURL: fakes.claude.baseURL, apiKeyEnv: 'CLAUDE_KEY', models: ['claude-test'] },
      // Perplexity's catalog entry cannot call tools.
      { id: 'pplx', kind: 'openai-compatible', preset: 'perplexity', baseURL: fakes.oa.baseURL, apiKeyEnv: 'OA_KEY', models: ['sonar'] },
      { id: 'local', kind: 'ollama', baseURL: fakes.local.url, models: ['llama3.2'] },
    ],
    routes: {
      general: [{ provider: 'oa', model: 'gpt-test' }, { provider: 'claude', model: 'claude-test' }],
      code: [{ provider: 'claude', model: 'claude-test' }],
      research: [{ provider: 'pplx', model: 'sonar' }, { provider: 'oa', model: 'gpt-test' }],
    },
    localFallback: { provider: 'local', model: 'llama3.2' },
    api: { enabled: true, port: 4141, allowedOrigins: [], ...api },
  };
}

export interface ApiRig {
  core: Core;
  server: ApiServer;
  token: string;
  openai(options?: { apiKey?: string }): OpenAI;
  anthropic(options?: { apiKey?: string }): Anthropic;
  close(): Promise<void>;
}

export async function startApi(fakes: Fakes, api: Record<string, unknown> = {}): Promise<ApiRig> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-api-'));
  const configFile = join(dataDir, 'config.json');
  writeFileSync(configFile, JSON.stringify(settingsFor(fakes, api)));
  const core = await createCore({
    host: 'cli',
    dataDir,
    configFile,
    version: '0.0.0-test',
    env: { OA_KEY: 'sk-oa-secret-key-1234', CLAUDE_KEY: 'sk-ant-secret-key-5678' },
    secretStore: new MemorySecretStore(),
    online: () => true,
  });
  const token = await core.api.token();
  const server = await startApiServer({ core: apiCoreOf(core), port: 0, token: core.api.current, allowedOrigins: () => core.settings().api?.allowedOrigins ?? [] });
  return {
    core,
    server,
    token,
    openai: (o = {}) => new OpenAI({ baseURL: server.url, apiKey: o.apiKey ?? token, maxRetries: 0 }),
    anthropic: (o = {}) => new Anthropic({ baseURL: `http://127.0.0.1:${server.port}`, apiKey: o.apiKey ?? token, maxRetries: 0 }),
    close: async () => {
      await server.close();
      await core.close();
    },
  };
}

export function resetFakes(fakes: Fakes): void {
  for (const fake of Object.values(fakes)) {
    fake.reset();
    fake.always(undefined);
  }
}

export const WEATHER_TOOL = {
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
};

/**
 * The vitest hooks every API test file shares: fakes for the file, and (unless
 * `perTest` is false) a fresh core and server per test, so no breaker or
 * cooldown one test causes reaches the next.
 */
export function useApiRig(hooks: { beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void; beforeEach: (fn: () => Promise<void>) => void; afterEach: (fn: () => Promise<void>) => void }, perTest = true) {
  const live: { fakes: Fakes; rig: ApiRig } = {} as { fakes: Fakes; rig: ApiRig };
  hooks.beforeAll(async () => {
    live.fakes = await startFakes();
  });
  hooks.afterAll(async () => {
    await Promise.all(Object.values(live.fakes).map((f) => f.close()));
  });
  if (perTest) {
    hooks.beforeEach(async () => {
      resetFakes(live.fakes);
      live.rig = await startApi(live.fakes);
    });
  }
  hooks.afterEach(async () => {
    await live.rig?.close();
  });
  return live;
}
