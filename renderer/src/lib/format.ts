/** Small formatters for numbers the UI shows: tokens, money, time, bytes, key status. */
import type { KeyStatus } from '../../../shared/providers.js';

export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatUsd(usd: number | undefined): string {
  if (usd === undefined) return '—';
  if (usd === 0) return '$0';
  return usd < 0.01 ? `$${usd.toFixed(5)}` : `$${usd.toFixed(3)}`;
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit] ?? 'B'}`;
}

export function formatCountdown(untilMs: number, nowMs: number): string {
  const left = Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
  if (left < 60) return `${left}s`;
  return `${Math.floor(left / 60)}m ${String(left % 60).padStart(2, '0')}s`;
}

export function describeKey(key: KeyStatus): string {
  switch (key.source) {
    case 'keychain':
      return `set (${key.masked ?? 'hidden'})`;
    case 'memory':
      return `in memory only${key.masked ? ` (${key.masked})` : ''}`;
    case 'env':
      return `from environment (${key.envVar ?? 'env'})`;
    case 'not_needed':
      return 'no key needed';
    case 'none':
      return 'not set';
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
