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

/**
 * Output speed as the user felt it: tokens after the first one, over the time the
 * stream ran after it. Undefined when the answer was too short to say.
 */
export function tokensPerSecond(m: { usage?: { outputTokens: number }; ttftMs?: number; latencyMs?: number }): number | undefined {
  if (!m.usage || m.ttftMs === undefined || m.latencyMs === undefined) return undefined;
  const streamingMs = m.latencyMs - m.ttftMs;
  if (m.usage.outputTokens < 2 || streamingMs <= 0) return undefined;
  return ((m.usage.outputTokens - 1) * 1000) / streamingMs;
}

export function formatRate(perSecond: number | undefined): string {
  if (perSecond === undefined) return '—';
  return `${perSecond < 10 ? perSecond.toFixed(1) : Math.round(perSecond)} tok/s`;
}
