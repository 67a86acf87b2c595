import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createKeyResolver } from '../../../electron/main/core/secrets/key-resolver.js';
import {
  createKeychainSecretStore,
  type StartTimer,
} from '../../../electron/main/core/secrets/keychain-secret-store.js';
import type { SecretStoreStatus } from '../../../electron/main/core/secrets/secret-store.js';
import { keytarWithoutDbus, workingKeytar } from './fixtures/keytar-fakes.js';

describe('keychain store with a working keychain', () => {
  it('keeps one entry per provider under the Switchboard service', async () => {
    const keytar = workingKeytar();
    const store = createKeychainSecretStore({ loader: async () => keytar });
    expect(await store.ready()).toEqual({ available: true, backend: 'keychain' });
    await store.set('openai', 'sk-openai-key-1234567890');
    await store.set('groq', 'gsk_groq-key-1234567890');
    expect([...keytar.entries.keys()]).toEqual(['Switchboard\u0000openai', 'Switchboard\u0000groq']);
    expect(await store.list()).toEqual(['groq', 'openai']);
    expect(await store.delete('groq')).toBe(true);
    expect(await store.get('groq')).toBeUndefined();
    expect(await store.delete('groq')).toBe(false);
  });

  it('does not load keytar until a key is needed', async () => {
    let loads = 0;
    const store = createKeychainSecretStore({
      loader: async () => {
        loads += 1;
        return workingKeytar();
      },
    });
    expect(loads).toBe(0);
    await store.get('openai');
    await store.list();
    expect(loads).toBe(1);
  });
});

describe('keychain store when no keychain answers', () => {
  it('falls back to memory when keytar cannot be loaded', async () => {
    const store = createKeychainSecretStore({
      platform: 'linux',
      loader: async () => {
        throw new Error('Cannot find module ../build/Release/keytar.node');
      },
    });
    const status = await store.ready();
    expect(status.available).toBe(false);
    expect(status.backend).toBe('memory');
    expect(status.message).toContain('The keychain module could not be loaded (Cannot find module');
    expect(status.message).toContain('Keys you enter are kept in memory until you quit.');
    await store.set('openai', 'sk-kept-in-memory-12345678');
    expect(await store.get('openai')).toBe('sk-kept-in-memory-12345678');
  });

  it('falls back to memory when there is no D-Bus session, and explains it in words', async () => {
    const store = createKeychainSecretStore({ platform: 'linux', loader: async () => keytarWithoutDbus() });
    const status = await store.ready();
    expect(status).toEqual({
      available: false,
      backend: 'memory',
      message:
        'No OS keychain answered (Cannot autolaunch D-Bus without X11 $DISPLAY). Keys you enter are kept in memory until you quit. ' +
        'On Linux install and unlock a Secret Service such as GNOME Keyring or KWallet.',
    });
    await store.set('anthropic', 'sk-ant-memory-only-abcdefgh');
    expect(await store.list()).toEqual(['anthropic']);
    const resolver = createKeyResolver({ secrets: store, env: {} });
    expect((await resolver.status({ id: 'anthropic', kind: 'anthropic' })).source).toBe('memory');
  });

  it('names a missing Secret Service on D-Bus', async () => {
    const message = 'The name org.freedesktop.secrets was not provided by any .service files';
    const store = createKeychainSecretStore({ platform: 'linux', loader: async () => keytarWithoutDbus(message) });
    expect((await store.ready()).message).toContain(`No OS keychain answered (${message}).`);
  });

  it('gives up on a keychain that never answers the first call', async () => {
    const hanging = { ...workingKeytar(), findCredentials: () => new Promise<never>(() => {}) };
    let fire: (() => void) | undefined;
    let startedMs = 0;
    let timerStarted!: () => void;
    const started = new Promise<void>((resolve) => (timerStarted = resolve));
    const startTimer: StartTimer = (fn, ms) => {
      fire = fn;
      startedMs = ms;
      timerStarted();
      return () => {};
    };
    const store = createKeychainSecretStore({ loader: async () => hanging, startTimer, probeTimeoutMs: 30_000 });
    const ready = store.ready();
    await started;
    expect(startedMs).toBe(30_000);
    fire?.();
    const status = await ready;
    expect(status.available).toBe(false);
    expect(status.message).toContain('did not answer (no answer within 30 s)');
  });

  it('switches to memory when a locked keyring refuses a write, keeping the key for this run', async () => {
    const keytar = workingKeytar();
    keytar.setPassword = async () => {
      throw new Error('Object does not exist at path “/org/freedesktop/secrets/collection/login”');
    };
    const store = createKeychainSecretStore({ platform: 'linux', loader: async () => keytar });
    const changes: SecretStoreStatus[] = [];
    store.onStatusChange((s) => changes.push(s));
    expect((await store.ready()).available).toBe(true);

    await store.set('openai', 'sk-locked-keyring-key-0000');
    expect(store.status().available).toBe(false);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.message).toContain('The OS keychain is locked or has no default keyring');
    expect(changes[0]?.message).toContain('Unlock your keyring');
    expect(await store.get('openai')).toBe('sk-locked-keyring-key-0000');
  });

  it('never puts a key into the explanation', async () => {
    const leaky = keytarWithoutDbus('failed to store sk-leaked-through-error-123456');
    const store = createKeychainSecretStore({ loader: async () => leaky });
    const message = (await store.ready()).message ?? '';
    expect(message).not.toContain('leaked-through');
  });
});

describe.skipIf(process.platform !== 'linux')('real keytar with no D-Bus session (child process)', () => {
  it('reports available:false and keeps keys in memory', () => {
    const script = fileURLToPath(new URL('./fixtures/no-dbus-child.ts', import.meta.url));
    const env = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { env, encoding: 'utf8', timeout: 60_000 });
    expect(child.status, child.stderr).toBe(0);
    const out = JSON.parse(child.stdout.trim()) as { status: SecretStoreStatus; readBack: string; listed: string[] };
    expect(out.status.available).toBe(false);
    expect(out.status.backend).toBe('memory');
    expect(out.status.message).toMatch(/^No OS keychain answered \(.+\)\. Keys you enter are kept in memory until you quit\./);
    expect(out.readBack).toBe('sk-child-process-key-123456');
    expect(out.listed).toEqual(['openai']);
  });
});
