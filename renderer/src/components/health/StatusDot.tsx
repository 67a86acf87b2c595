import type { HealthState } from '../../../../shared/providers.js';

export const STATE_WORDS: Record<HealthState, string> = {
  healthy: 'healthy',
  degraded: 'degraded',
  down: 'down',
  circuit_open: 'circuit open',
  rate_limited: 'rate-limited',
  quota_exhausted: 'quota exhausted',
  no_key: 'no key',
  key_rejected: 'key rejected',
  offline: 'offline',
  disabled: 'disabled',
  unknown: 'no recent samples',
};

/** The colour class: what works, what limps, what is stopped, what is idle. */
const TONE: Record<HealthState, string> = {
  healthy: 'ok',
  degraded: 'degraded',
  rate_limited: 'degraded',
  circuit_open: 'down',
  down: 'down',
  quota_exhausted: 'down',
  key_rejected: 'down',
  offline: 'down',
  no_key: 'idle',
  disabled: 'idle',
  unknown: 'idle',
};

export function StatusDot({ state }: { state: HealthState }) {
  return (
    <span className="status" data-testid="health-state">
      <span className={`dot ${TONE[state]}`} aria-hidden="true" />
      {STATE_WORDS[state]}
    </span>
  );
}
