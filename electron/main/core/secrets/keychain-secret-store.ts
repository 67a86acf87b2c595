/**
 * Keys in the OS keychain through keytar, falling back to memory for this run
 * when the keychain cannot be loaded or stops answering. The fallback never
 * writes anywhere: the user is told, and keys are gone when the app quits.
 */
import { explainKeychainFailure, type KeychainFailureStage } from './keychain-explanation.js';
import { loadKeytar, type KeytarApi, type KeytarLoader } from './keytar-loader.js';
import { KEYCHAIN_SERVICE, type SecretStore, type SecretStoreStatus } from './secret-store.js';

/** Starts a timer and returns its cancel function; injected so tests need no real waiting. */
export type StartTimer = (fn: () => void, ms: number) => () => void;

export interface KeychainSecretStoreOptions {
  /** Keychain service name; tests use their own so they never touch the user's keys. */
  service?: string;
  loader?: KeytarLoader;
  platform?: NodeJS.Platform;
  /** How long the first keychain call may take before the store gives up on it. */
  probeTimeoutMs?: number;
  startTimer?: StartTimer;
}

const DEFAULT_PROBE_TIMEOUT_MS = 30_000;

const realTimer: StartTimer = (fn, ms) => {
  const handle = setTimeout(fn, ms);
  handle.unref?.();
  return () => clearTimeout(handle);
};

class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

function withTimeout<T>(work: Promise<T>, ms: number, startTimer: StartTimer): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancel = startTimer(() => reject(new TimeoutError(`no answer within ${Math.round(ms / 1000)} s`)), ms);
    work.then(
      (value) => {
        cancel();
        resolve(value);
      },
      (error: unknown) => {
        cancel();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

class KeychainSecretStore implements SecretStore {
  private readonly service: string;
  private readonly loader: KeytarLoader;
  private readonly platform: NodeJS.Platform;
  private readonly probeTimeoutMs: number;
  private readonly startTimer: StartTimer;
  private keytar: KeytarApi | undefined;
  private starting: Promise<SecretStoreStatus> | undefined;
  private current: SecretStoreStatus = { available: true, backend: 'keychain' };
  /**
   * What this run has read from or written to the keychain. If the keychain
   * stops answering mid-run, these stay usable from memory instead of vanishing.
   */
  private readonly known = new Map<string, string>();
  private readonly listeners = new Set<(status: SecretStoreStatus) => void>();

  constructor(options: KeychainSecretStoreOptions) {
    this.service = options.service ?? KEYCHAIN_SERVICE;
    this.loader = options.loader ?? loadKeytar;
    this.platform = options.platform ?? process.platform;
    this.probeTimeoutMs = options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
    this.startTimer = options.startTimer ?? realTimer;
  }

  ready(): Promise<SecretStoreStatus> {
    this.starting ??= this.start();
    return this.starting;
  }

  status(): SecretStoreStatus {
    return this.current;
  }

  onStatusChange(listener: (status: SecretStoreStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async get(provider: string): Promise<string | undefined> {
    const keytar = await this.keychain();
    if (!keytar) return this.known.get(provider);
    try {
      const key = (await keytar.getPassword(this.service, provider)) ?? undefined;
      if (key === undefined) this.known.delete(provider);
      else this.known.set(provider, key);
      return key;
    } catch (error) {
      this.fallBack(error, 'call');
      return this.known.get(provider);
    }
  }

  async set(provider: string, key: string): Promise<void> {
    const keytar = await this.keychain();
    if (keytar) {
      try {
        await keytar.setPassword(this.service, provider, key);
      } catch (error) {
        this.fallBack(error, 'call');
      }
    }
    this.known.set(provider, key);
  }

  async delete(provider: string): Promise<boolean> {
    const hadKnown = this.known.delete(provider);
    const keytar = await this.keychain();
    if (!keytar) return hadKnown;
    try {
      return (await keytar.deletePassword(this.service, provider)) || hadKnown;
    } catch (error) {
      this.fallBack(error, 'call');
      return hadKnown;
    }
  }

  async list(): Promise<string[]> {
    const keytar = await this.keychain();
    if (keytar) {
      try {
        const found = await keytar.findCredentials(this.service);
        for (const { account, password } of found) this.known.set(account, password);
        return found.map((c) => c.account).sort();
      } catch (error) {
        this.fallBack(error, 'call');
      }
    }
    return [...this.known.keys()].sort();
  }

  /** The keytar module while the keychain works; undefined once in fallback. */
  private async keychain(): Promise<KeytarApi | undefined> {
    await this.ready();
    return this.current.backend === 'keychain' ? this.keytar : undefined;
  }

  private async start(): Promise<SecretStoreStatus> {
    let keytar: KeytarApi;
    try {
      keytar = await this.loader();
    } catch (error) {
      this.fallBack(error, 'load');
      return this.current;
    }
    try {
      // A read that touches the service: on Linux this is where a missing D-Bus session shows.
      await withTimeout(keytar.findCredentials(this.service), this.probeTimeoutMs, this.startTimer);
    } catch (error) {
      this.fallBack(error, error instanceof TimeoutError ? 'timeout' : 'probe');
      return this.current;
    }
    this.keytar = keytar;
    return this.current;
  }

  private fallBack(error: unknown, stage: KeychainFailureStage): void {
    if (this.current.backend === 'memory') return;
    this.current = { available: false, backend: 'memory', message: explainKeychainFailure(error, stage, this.platform) };
    for (const listener of this.listeners) listener(this.current);
  }
}

export function createKeychainSecretStore(options: KeychainSecretStoreOptions = {}): SecretStore {
  return new KeychainSecretStore(options);
}
