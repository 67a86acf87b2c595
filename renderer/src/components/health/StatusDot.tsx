import type { ProviderHealth } from '../../../../shared/providers.js';

const WORDS: Record<ProviderHealth['state'], string> = {
  ok: 'ok',
  degraded: 'degraded',
  down: 'down',
  unknown: 'unknown',
  no_key: 'no key',
  disabled: 'disabled',
};

export function StatusDot({ state }: { state: ProviderHealth['state'] }) {
  return (
    <span className="status">
      <span className={`dot ${state}`} aria-hidden="true" />
      {WORDS[state]}
    </span>
  );
}
