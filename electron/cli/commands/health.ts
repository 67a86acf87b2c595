/**
 * `switchboard health`: one line per configured provider, the same read-out the
 * health panel shows (computed from the attempts table). With --json each line
 * is exactly {"provider","state","successRate","ttftMsP50","ttftMsP95",
 * "tokensPerSec","requestsToday","costTodayUsd","lastError"}.
 */
import type { ProviderHealth } from '../../../shared/providers.js';
import { formatCost, type Output } from '../output.js';

export function healthLine(h: ProviderHealth) {
  return {
    provider: h.provider,
    state: h.state,
    successRate: h.successRate,
    ttftMsP50: h.ttftMsP50,
    ttftMsP95: h.ttftMsP95,
    tokensPerSec: h.tokensPerSec,
    requestsToday: h.requestsToday,
    costTodayUsd: h.costTodayUsd,
    lastError: h.lastError ? { kind: h.lastError.kind, message: h.lastError.message, at: h.lastError.at } : null,
  };
}

const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);

export function health(rows: ProviderHealth[], out: Output, now: number): number {
  for (const h of rows) {
    if (out.json) {
      out.line(healthLine(h));
      continue;
    }
    const rate = h.successRate === null ? 'no recent samples' : `${Math.round(h.successRate * 100)}% of ${h.samples}`;
    const until = h.until !== undefined && h.until > now ? ` (${Math.ceil((h.until - now) / 1000)} s)` : '';
    const speed = h.tokensPerSec === null ? '' : `  ${h.tokensPerSec.toFixed(1)} tok/s`;
    const error = h.lastError ? `  last error ${h.lastError.kind}: ${h.lastError.message.replace(/\s+/g, ' ')}` : '';
    out.text(
      `${h.name.padEnd(16)} ${(h.state + until).padEnd(22)} ${rate.padEnd(18)} ttft ${ms(h.ttftMsP50)}/${ms(h.ttftMsP95)}${speed}  ${h.requestsToday} today  ${formatCost(h.costTodayUsd)}${error}\n`,
    );
  }
  return 0;
}
