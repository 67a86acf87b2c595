/**
 * Turns a keychain failure into words a user can act on. The raw reason is kept
 * (one line, short) because it is what a search engine or a bug report needs.
 */
import { redact } from './redact.js';

export type KeychainFailureStage = 'load' | 'probe' | 'timeout' | 'call';

const MEMORY_NOTE = 'Keys you enter are kept in memory until you quit.';

function reasonOf(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const line = redact(raw).replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 157)}…` : line || 'no reason given';
}

function looksLocked(reason: string): boolean {
  return /locked|collection\/login|object does not exist|prompt|dismiss|cancel|passphrase|user interaction/i.test(reason);
}

function platformHint(platform: NodeJS.Platform, locked: boolean): string {
  if (platform === 'darwin') return 'Unlock the login keychain in Keychain Access, then restart Switchboard.';
  if (platform === 'win32') return 'Check that Windows Credential Manager is available for your account, then restart Switchboard.';
  if (locked) return 'Unlock your keyring (GNOME Keyring or KWallet), then restart Switchboard.';
  return 'On Linux install and unlock a Secret Service such as GNOME Keyring or KWallet.';
}

export function explainKeychainFailure(
  error: unknown,
  stage: KeychainFailureStage,
  platform: NodeJS.Platform = process.platform,
): string {
  const reason = reasonOf(error);
  const locked = looksLocked(reason);
  const head =
    stage === 'load'
      ? `The keychain module could not be loaded (${reason}).`
      : stage === 'timeout'
        ? `The OS keychain did not answer (${reason}).`
        : locked
          ? `The OS keychain is locked or has no default keyring (${reason}).`
          : `No OS keychain answered (${reason}).`;
  return `${head} ${MEMORY_NOTE} ${platformHint(platform, locked)}`;
}
