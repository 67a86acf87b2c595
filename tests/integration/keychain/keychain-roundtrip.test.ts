/**
 * Round trip through a real OS keychain (on Linux: a Secret Service such as
 * gnome-keyring on the session D-Bus). Skipped, with the reason printed, when
 * none answers, except where SWITCHBOARD_REQUIRE_KEYCHAIN=1 (CI) makes that a failure. CI (.ci/run) runs the whole `npm test`, this file included, inside a
 * throwaway session:
 *   dbus-run-session -- bash -c 'echo -n switchboard-ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npm test'
 */
import { describe, expect, it } from 'vitest';
import { createKeychainSecretStore } from '../../../electron/main/core/secrets/keychain-secret-store.js';
import { loadKeytar } from '../../../electron/main/core/secrets/keytar-loader.js';

// Never the real service name: the test must not touch the user's keys.
const SERVICE = `Switchboard-test-${process.pid}`;

async function whyNoKeychain(): Promise<string | undefined> {
  if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS) {
    return 'DBUS_SESSION_BUS_ADDRESS is not set (run inside dbus-run-session with an unlocked gnome-keyring)';
  }
  try {
    const keytar = await loadKeytar();
    // A write, not a read: a keyring with no unlocked default collection answers reads but refuses writes.
    await keytar.setPassword(SERVICE, 'probe', 'probe');
    await keytar.deletePassword(SERVICE, 'probe');
    return undefined;
  } catch (error) {
    return `no keychain answered: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const skipReason = await whyNoKeychain();
if (skipReason) console.warn(`[keychain round trip] skipped: ${skipReason}`);

// CI sets this: there a missing keychain is a broken set-up, not a reason to skip quietly.
describe.runIf(skipReason !== undefined && process.env.SWITCHBOARD_REQUIRE_KEYCHAIN === '1')('keychain required', () => {
  it('finds the keychain CI set up', () => {
    throw new Error(`SWITCHBOARD_REQUIRE_KEYCHAIN is set, but ${skipReason ?? ''}`);
  });
});

describe.skipIf(skipReason !== undefined)(`keychain round trip${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('stores a key, reads it back from a fresh store, lists it and deletes it', async () => {
    const key = `sk-roundtrip-${process.pid}-abcdefghijklmnop`;
    const writer = createKeychainSecretStore({ service: SERVICE });
    expect(await writer.ready()).toEqual({ available: true, backend: 'keychain' });
    await writer.set('openai', key);
    try {
      // A second store has nothing in memory: it can only find the key in the keychain.
      const reader = createKeychainSecretStore({ service: SERVICE });
      expect(await reader.get('openai')).toBe(key);
      expect(await reader.list()).toEqual(['openai']);
      expect(reader.status().backend).toBe('keychain');

      expect(await reader.delete('openai')).toBe(true);
      const third = createKeychainSecretStore({ service: SERVICE });
      expect(await third.get('openai')).toBeUndefined();
      expect(await third.list()).toEqual([]);
    } finally {
      await writer.delete('openai');
    }
  });

  it('replaces a key on a second set instead of adding another entry', async () => {
    const store = createKeychainSecretStore({ service: SERVICE });
    try {
      await store.set('anthropic', 'sk-ant-first-value-12345678');
      await store.set('anthropic', 'sk-ant-second-value-1234567');
      const fresh = createKeychainSecretStore({ service: SERVICE });
      expect(await fresh.get('anthropic')).toBe('sk-ant-second-value-1234567');
      expect(await fresh.list()).toEqual(['anthropic']);
    } finally {
      await store.delete('anthropic');
    }
  });
});
