/**
 * Loads keytar on first use. It is a native module: a missing or mismatched
 * binary must cost the user their keychain, not the whole app, so it is never
 * imported at the top of a file.
 */

/** The part of keytar the secret store uses. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export type KeytarLoader = () => Promise<KeytarApi>;

const METHODS = ['getPassword', 'setPassword', 'deletePassword', 'findCredentials'] as const;

function isKeytarApi(value: unknown): value is KeytarApi {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return METHODS.every((name) => typeof record[name] === 'function');
}

export const loadKeytar: KeytarLoader = async () => {
  const mod: unknown = await import('keytar');
  // keytar is CommonJS: under ESM its functions sit on `default`; bundlers may flatten that.
  const candidate = (mod as { default?: unknown }).default;
  if (isKeytarApi(candidate)) return candidate;
  if (isKeytarApi(mod)) return mod;
  throw new Error('the keytar module does not export the keychain functions');
};
