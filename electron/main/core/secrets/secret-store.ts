/**
 * Where API keys live: the OS keychain, or (when none answers) memory for this run.
 * One entry per provider id under one service name. There is deliberately no
 * file-backed implementation: a key never lands on disk in plaintext.
 */

export const KEYCHAIN_SERVICE = 'Switchboard';

export interface SecretStoreStatus {
  /** False when keys are kept in memory only because no OS keychain answered. */
  available: boolean;
  backend: 'keychain' | 'memory';
  /** For the user, in words: why keys are not persisted and what to do about it. */
  message?: string;
}

export interface SecretStore {
  get(provider: string): Promise<string | undefined>;
  set(provider: string, key: string): Promise<void>;
  /** True when a key was there to delete. */
  delete(provider: string): Promise<boolean>;
  /** Provider ids that have a stored key, sorted. */
  list(): Promise<string[]>;
  /** Loads the backend once and reports whether keys will survive a restart. */
  ready(): Promise<SecretStoreStatus>;
  /** The status as known right now, without waiting. */
  status(): SecretStoreStatus;
  /** Called when the store falls back to memory part-way through a run. */
  onStatusChange(listener: (status: SecretStoreStatus) => void): () => void;
}
