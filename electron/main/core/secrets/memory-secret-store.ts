/** Keys held in this process only; used when no OS keychain answers, and in tests. */
import type { SecretStore, SecretStoreStatus } from './secret-store.js';

export class MemorySecretStore implements SecretStore {
  private readonly keys = new Map<string, string>();
  private readonly current: SecretStoreStatus;

  constructor(status: SecretStoreStatus = { available: false, backend: 'memory' }, seed?: Iterable<[string, string]>) {
    this.current = status;
    for (const [provider, key] of seed ?? []) this.keys.set(provider, key);
  }

  async get(provider: string): Promise<string | undefined> {
    return this.keys.get(provider);
  }

  async set(provider: string, key: string): Promise<void> {
    this.keys.set(provider, key);
  }

  async delete(provider: string): Promise<boolean> {
    return this.keys.delete(provider);
  }

  async list(): Promise<string[]> {
    return [...this.keys.keys()].sort();
  }

  async ready(): Promise<SecretStoreStatus> {
    return this.current;
  }

  status(): SecretStoreStatus {
    return this.current;
  }

  onStatusChange(): () => void {
    return () => {};
  }
}
