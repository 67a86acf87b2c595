/**
 * The local API's token and run state, owned in one place for every host. The
 * token is made on first use and kept like a provider key, in the keychain (or,
 * without one, in memory for this run, and the API section says so); it never
 * lands in the settings file. The host that runs the server reports its state here.
 */
import { randomBytes } from 'node:crypto';
import type { SecretStore } from './secrets/secret-store.js';

/** Not a valid provider id, so it can never collide with a provider's key. */
export const API_TOKEN_ENTRY = '@switchboard-api';

export interface ApiRunState {
  running: boolean;
  url?: string;
  /** Why it is not running although turned on (the port is taken, say). */
  error?: string;
}

export interface ApiAccess {
  /** The token, created and stored on first use. */
  token(): Promise<string>;
  /** The token as last read, for the server's per-request check; '' before the first read. */
  current(): string;
  rotate(): Promise<string>;
  state(): ApiRunState;
  report(state: ApiRunState): void;
}

const newToken = () => `sb-${randomBytes(24).toString('base64url')}`;

export function createApiAccess(secrets: SecretStore): ApiAccess {
  let cached = '';
  let state: ApiRunState = { running: false };
  return {
    async token() {
      if (cached) return cached;
      const stored = await secrets.get(API_TOKEN_ENTRY);
      if (stored) return (cached = stored);
      const made = newToken();
      await secrets.set(API_TOKEN_ENTRY, made);
      return (cached = made);
    },
    current: () => cached,
    async rotate() {
      const made = newToken();
      await secrets.set(API_TOKEN_ENTRY, made);
      return (cached = made);
    },
    state: () => ({ ...state }),
    report(next) {
      state = { ...next };
    },
  };
}
