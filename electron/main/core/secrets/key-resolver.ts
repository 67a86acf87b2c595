/**
 * Finds the key a provider will be called with, and says where it came from.
 * Order: an environment variable (so a CI or shell setup always wins), then the
 * keychain (or memory, in fallback), then nothing. Local Ollama needs no key.
 */
import type { KeySource, KeyStatus } from '../../../../shared/providers.js';
import type { ProviderConfig } from '../../../../shared/settings.js';
import { maskKey } from './mask-key.js';
import type { SecretStore } from './secret-store.js';

export type KeyTarget = Pick<ProviderConfig, 'id' | 'kind' | 'apiKeyEnv'>;

export interface ResolvedKey {
  provider: string;
  source: KeySource;
  /** Absent for `none` and `not_needed`. Never send this to the renderer. */
  key?: string;
  /** The variable that supplied the key, or (when none did) the first one that would. */
  envVar?: string;
}

export interface KeyResolver {
  /** `catalogEnvVars`: the preset's conventional names, e.g. ["OPENAI_API_KEY"]. */
  resolve(provider: KeyTarget, catalogEnvVars?: readonly string[]): Promise<ResolvedKey>;
  /** The same answer in the shape the renderer may see: masked, no key. */
  status(provider: KeyTarget, catalogEnvVars?: readonly string[]): Promise<KeyStatus>;
}

export interface KeyResolverOptions {
  secrets: SecretStore;
  /** Read on every call, so a changed variable is seen without a restart. */
  env?: Readonly<Record<string, string | undefined>>;
}

function needsKey(kind: KeyTarget['kind']): boolean {
  return kind !== 'ollama' && kind !== 'engine';
}

function candidates(provider: KeyTarget, catalogEnvVars: readonly string[]): string[] {
  const names = provider.apiKeyEnv ? [provider.apiKeyEnv, ...catalogEnvVars] : [...catalogEnvVars];
  return [...new Set(names)];
}

export function createKeyResolver(options: KeyResolverOptions): KeyResolver {
  const env = options.env ?? process.env;

  async function resolve(provider: KeyTarget, catalogEnvVars: readonly string[] = []): Promise<ResolvedKey> {
    const names = candidates(provider, catalogEnvVars);
    for (const name of names) {
      const value = env[name]?.trim();
      if (value) return { provider: provider.id, source: 'env', key: value, envVar: name };
    }
    const stored = (await options.secrets.get(provider.id))?.trim();
    const hint = names[0] === undefined ? {} : { envVar: names[0] };
    if (stored) {
      const source: KeySource = options.secrets.status().backend === 'keychain' ? 'keychain' : 'memory';
      return { provider: provider.id, source, key: stored, ...hint };
    }
    // A keyless Ollama is the normal case; one behind an auth proxy still gets its key above.
    return { provider: provider.id, source: needsKey(provider.kind) ? 'none' : 'not_needed', ...hint };
  }

  return {
    resolve,
    status: async (provider, catalogEnvVars = []) => keyStatusOf(await resolve(provider, catalogEnvVars)),
  };
}

/** A resolved key in the shape the renderer may see: masked, never whole. */
export function keyStatusOf(found: ResolvedKey): KeyStatus {
  const status: KeyStatus = { provider: found.provider, source: found.source };
  if (found.key) status.masked = maskKey(found.key);
  if (found.envVar) status.envVar = found.envVar;
  return status;
}
