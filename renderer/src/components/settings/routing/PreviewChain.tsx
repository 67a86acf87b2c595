import type { CallResult } from '../../../../../shared/contract/index.js';
import { useSettings } from '../../../services-context.js';
import { formatUsd } from '../../../lib/format.js';
import { useProviderName } from '../../../lib/provider-names.js';
import { StatusDot } from '../../health/StatusDot.js';

type Target = CallResult<'routing.preview'>['chain'][number];

const BREAKER_WORDS = { closed: 'breaker closed', open: 'breaker open', half_open: 'breaker half-open (probing)' } as const;

/** The preview's chain in order: each target's provider state, breaker and what the prompt would cost there. */
export function PreviewChain({ chain, answerTokens }: { chain: readonly Target[]; answerTokens: number }) {
  const name = useProviderName();
  const providers = useSettings((s) => s.providers);
  const local = (id: string) => providers.some((p) => p.id === id && (p.kind === 'ollama' || p.kind === 'engine'));
  return (
    <ol className="preview-chain">
      {chain.map((t, i) => (
        <li key={i} data-testid="preview-target" data-provider={t.provider} data-breaker={t.breaker ?? ''}>
          <span>
            {name(t.provider)}·<span className="mono">{t.model}</span>
          </span>
          {t.state && <StatusDot state={t.state} />}
          {t.breaker && <span className={t.breaker === 'closed' ? 'muted small' : 'badge bad'}>{BREAKER_WORDS[t.breaker]}</span>}
          <span className="muted small" data-testid="preview-cost">
            {local(t.provider)
              ? 'local: free'
              : t.estimatedUsd !== undefined
                ? `≈ ${formatUsd(t.estimatedUsd)} with a ${answerTokens.toLocaleString('en')}-token answer`
                : 'no price known'}
          </span>
        </li>
      ))}
    </ol>
  );
}
