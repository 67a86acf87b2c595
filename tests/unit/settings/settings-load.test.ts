import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfBacking } from '../../../electron/main/core/store/settings-backing.js';
import { defaultSettings } from '../../../electron/main/core/store/settings-defaults.js';
import { openSettingsStore } from '../../../electron/main/core/store/settings-store.js';
import { now, STAMP, tempDataDir, type TempDir } from './fixtures/temp-settings.js';

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDataDir();
});
afterEach(() => tmp.cleanup());

const open = (moveKey?: (provider: string, key: string) => Promise<void>) =>
  openSettingsStore({ backing: createConfBacking(tmp.dir), now, ...(moveKey ? { moveKey } : {}) });

describe('loading settings.json', () => {
  it('starts with local Ollama when there is no file yet', async () => {
    const store = await open();
    expect(store.get()).toEqual(defaultSettings());
    expect(store.get().localFallback).toEqual({ provider: 'ollama', model: 'llama3.2' });
    expect(store.notices).toEqual([]);
  });

  it('reads a file in the export format, which has no version, as it is: no migration, no notice', async () => {
    const exported = {
      providers: [{ id: 'groq', kind: 'openai-compatible', baseURL: 'https://api.groq.com/openai/v1', apiKeyEnv: 'GROQ_API_KEY' }],
      routes: { general: [{ provider: 'groq', model: 'llama-3.3-70b-versatile' }] },
    };
    tmp.write(JSON.stringify(exported));
    const store = await open();
    expect(store.notices).toEqual([]);
    expect(store.get().providers.map((p) => p.id)).toEqual(['groq']);
    expect(store.get().routes.general).toEqual(exported.routes.general);
  });

  it('moves a file that is not JSON aside, loads defaults and says so', async () => {
    tmp.write('{"providers": [ {"id": "openai", ');
    const store = await open();
    expect(store.get()).toEqual(defaultSettings());
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]?.id).toBe('settings.corrupt');
    expect(store.notices[0]?.text).toContain('was not valid JSON');
    const backup = `settings.json.corrupt-${STAMP}.bak`;
    expect(store.notices[0]?.text).toContain(backup);
    expect(readFileSync(join(tmp.dir, backup), 'utf8')).toBe('{"providers": [ {"id": "openai", ');
    // The repaired file opens cleanly next time.
    expect(JSON.parse(tmp.read())).toEqual(defaultSettings());
    expect((await open()).notices).toEqual([]);
  });

  it('sets an invalid file aside, naming the wrong field, and loads defaults', async () => {
    const original = {
      version: 1,
      providers: [
        { id: 'openai', kind: 'openai' },
        { id: 'lmstudio', kind: 'openai-compatible', baseURL: '127.0.0.1:1234' },
      ],
    };
    tmp.write(original);
    const store = await open();
    expect(store.get()).toEqual(defaultSettings());
    const text = store.notices.find((n) => n.id === 'settings.invalid')?.text ?? '';
    expect(text).toContain('providers[1].baseURL: must be a full http(s) URL');
    const backup = join(tmp.dir, `settings.json.corrupt-${STAMP}.bak`);
    expect(text).toContain(backup);
    expect(JSON.parse(readFileSync(backup, 'utf8'))).toEqual(original);
    expect(JSON.parse(tmp.read())).toEqual(defaultSettings());
  });

  it('migrates a file from before versioning and moves its keys out of it', async () => {
    const openaiKey = 'sk-proj-inline-key-0123456789abcdef';
    tmp.write({
      providers: [
        { id: 'openai', kind: 'openai', apiKey: openaiKey },
        { id: 'ollama', kind: 'ollama', baseUrl: 'http://127.0.0.1:11434' },
      ],
      routes: { code: ['openai:gpt-4o-mini', 'ollama:qwen2.5-coder:7b'], general: 'openai:gpt-4o' },
      localFallback: 'ollama:llama3.2',
    });
    const moved: Array<[string, string]> = [];
    const store = await open(async (provider, key) => {
      moved.push([provider, key]);
    });

    expect(moved).toEqual([['openai', openaiKey]]);
    const settings = store.get();
    expect(settings.version).toBe(1);
    expect(settings.providers[1]?.baseURL).toBe('http://127.0.0.1:11434');
    expect(settings.routes).toEqual({
      code: [
        { provider: 'openai', model: 'gpt-4o-mini' },
        { provider: 'ollama', model: 'qwen2.5-coder:7b' },
      ],
      general: [{ provider: 'openai', model: 'gpt-4o' }],
    });
    expect(settings.localFallback).toEqual({ provider: 'ollama', model: 'llama3.2' });

    // Neither the rewritten file nor the backup of the old one holds the key.
    expect(tmp.read()).not.toContain('inline-key');
    expect(JSON.parse(tmp.read()).version).toBe(1);
    const backup = join(tmp.dir, `settings.json.v0-${STAMP}.bak`);
    expect(readFileSync(backup, 'utf8')).not.toContain('inline-key');
    expect(JSON.parse(readFileSync(backup, 'utf8')).routes.general).toBe('openai:gpt-4o');
    expect(store.notices.map((n) => n.id)).toEqual(['settings.keys-moved', 'settings.migrated']);
    expect(store.notices[0]?.text).toContain('API keys for openai were taken out of');
  });

  it('takes out a key someone typed into a current file', async () => {
    tmp.write({ version: 1, providers: [{ id: 'groq', kind: 'openai-compatible', apiKey: 'gsk_typed-by-hand-abcdefgh' }] });
    const moved: string[] = [];
    const store = await open(async (provider) => {
      moved.push(provider);
    });
    expect(moved).toEqual(['groq']);
    expect(store.get().providers[0]?.id).toBe('groq');
    expect(tmp.read()).not.toContain('typed-by-hand');
  });

  it('drops a key it cannot store from the file anyway, and says to enter it again', async () => {
    tmp.write({ version: 1, providers: [{ id: 'openai', kind: 'openai', apiKey: 'sk-cannot-be-stored-123456789' }] });
    const store = await open(async (_provider, key) => {
      throw new Error(`keychain refused ${key}`);
    });
    expect(tmp.read()).not.toContain('cannot-be-stored');
    const lost = store.notices.find((n) => n.id === 'settings.key-lost.openai');
    expect(lost?.level).toBe('error');
    expect(lost?.text).toContain('Enter it again');
    expect(lost?.text).not.toContain('cannot-be-stored');
  });

  it('keeps what it understands from a newer version’s file, after backing it up', async () => {
    const newer = {
      version: 2,
      providers: [
        { id: 'openai', kind: 'openai' },
        { id: 'mistral', kind: 'mistral-native' },
      ],
      routes: { code: [{ provider: 'openai', model: 'gpt-4o-mini' }], weird: 'not-a-list' },
      telemetry: { enabled: false },
    };
    tmp.write(newer);
    const store = await open();
    expect(store.get().providers.map((p) => p.id)).toEqual(['openai']);
    expect(store.get().routes).toEqual({ code: [{ provider: 'openai', model: 'gpt-4o-mini' }] });
    const text = store.notices.find((n) => n.id === 'settings.newer')?.text ?? '';
    expect(text).toContain('settings version 2; this one reads version 1');
    expect(text).toContain('Left out: providers[1], routes.weird, telemetry.');
    const backup = join(tmp.dir, `settings.json.newer-v2-${STAMP}.bak`);
    expect(JSON.parse(readFileSync(backup, 'utf8'))).toEqual(newer);
    expect(JSON.parse(tmp.read()).version).toBe(1);
  });

  it('keeps settings whose routes name a missing provider, with a warning', async () => {
    tmp.write({ version: 1, providers: [{ id: 'openai', kind: 'openai' }], routes: { code: [{ provider: 'gone', model: 'm' }] } });
    const store = await open();
    expect(store.get().routes.code).toEqual([{ provider: 'gone', model: 'm' }]);
    expect(store.notices).toEqual([
      expect.objectContaining({ id: 'settings.problems', level: 'warning', text: expect.stringContaining('routes.code[0]: no provider with id "gone"') }),
    ]);
  });
});
