import { describe, expect, it } from 'vitest';
import { createKeyResolver } from '../../../electron/main/core/secrets/key-resolver.js';
import { MemorySecretStore } from '../../../electron/main/core/secrets/memory-secret-store.js';
import type { SecretStoreStatus } from '../../../electron/main/core/secrets/secret-store.js';

const keychain: SecretStoreStatus = { available: true, backend: 'keychain' };
const openai = { id: 'openai', kind: 'openai' as const, apiKeyEnv: 'MY_OPENAI_KEY' };

describe('KeyResolver', () => {
  it('prefers the provider’s env var over the keychain', async () => {
    const secrets = new MemorySecretStore(keychain, [['openai', 'sk-stored-in-keychain-0000']]);
    const resolver = createKeyResolver({ secrets, env: { MY_OPENAI_KEY: 'sk-from-env-var-12345678' } });
    expect(await resolver.resolve(openai)).toEqual({
      provider: 'openai',
      source: 'env',
      key: 'sk-from-env-var-12345678',
      envVar: 'MY_OPENAI_KEY',
    });
  });

  it('falls back to the catalog’s env var names, in order', async () => {
    const secrets = new MemorySecretStore(keychain);
    const env = { OPENAI_API_KEY: 'sk-catalog-name-abcdefgh', OTHER: 'sk-other-xxxxxxxxxx' };
    const resolver = createKeyResolver({ secrets, env });
    const found = await resolver.resolve({ id: 'openai', kind: 'openai' }, ['OPENAI_API_KEY', 'OTHER']);
    expect(found.source).toBe('env');
    expect(found.envVar).toBe('OPENAI_API_KEY');
  });

  it('ignores an empty env var and uses the keychain', async () => {
    const secrets = new MemorySecretStore(keychain, [['openai', 'sk-stored-in-keychain-0000']]);
    const resolver = createKeyResolver({ secrets, env: { MY_OPENAI_KEY: '  ' } });
    const status = await resolver.status(openai);
    expect(status).toEqual({ provider: 'openai', source: 'keychain', masked: 'sk-s…0000', envVar: 'MY_OPENAI_KEY' });
  });

  it('reports memory as the source when the keychain fell back', async () => {
    const secrets = new MemorySecretStore({ available: false, backend: 'memory', message: 'no keychain' }, [
      ['anthropic', 'sk-ant-kept-in-memory-9999'],
    ]);
    const resolver = createKeyResolver({ secrets, env: {} });
    const status = await resolver.status({ id: 'anthropic', kind: 'anthropic' });
    expect(status.source).toBe('memory');
    expect(status.masked).toBe('sk-a…9999');
  });

  it('says none when no key is anywhere, and never puts a key in a status', async () => {
    const resolver = createKeyResolver({ secrets: new MemorySecretStore(keychain), env: {} });
    expect(await resolver.status(openai)).toEqual({ provider: 'openai', source: 'none', envVar: 'MY_OPENAI_KEY' });
    const withKey = createKeyResolver({ secrets: new MemorySecretStore(keychain), env: { MY_OPENAI_KEY: 'sk-secret-value-abcdef' } });
    expect(JSON.stringify(await withKey.status(openai))).not.toContain('secret-value');
  });

  it('says a local Ollama needs no key', async () => {
    const resolver = createKeyResolver({ secrets: new MemorySecretStore(keychain), env: {} });
    expect(await resolver.status({ id: 'ollama', kind: 'ollama' })).toEqual({ provider: 'ollama', source: 'not_needed' });
  });
});
