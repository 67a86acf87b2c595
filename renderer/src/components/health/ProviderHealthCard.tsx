import type { ProviderHealth } from '../../../../shared/providers.js';
import { ERROR_KIND_LABELS } from '../../../../shared/errors.js';
import { formatMs, formatUsd } from '../../lib/format.js';
import { useHealth } from '../../services-context.js';
import { ProviderTest } from '../settings/providers/ProviderTest.js';
import { Countdown } from './Countdown.js';
import { LatencyChart } from './LatencyChart.js';
import { RouteWeights } from './RouteWeights.js';
import { StatusDot } from './StatusDot.js';

const ms = (v: number | null) => formatMs(v ?? undefined);

function untilLabel(h: ProviderHealth): string {
  return h.state === 'circuit_open' ? 'probe in' : 'until';
}

export function ProviderHealthCard({ health: h }: { health: ProviderHealth }) {
  const resetCircuit = useHealth((s) => s.resetCircuit);
  const setEnabled = useHealth((s) => s.setEnabled);
  const enabled = h.state !== 'disabled';
  return (
    <article className="health-card" data-testid="health-row" data-provider={h.provider} data-state={h.state} aria-label={h.name}>
      <header>
        <h2>{h.name}</h2>
        <StatusDot state={h.state} />
        {h.until !== undefined && (
          <span className="muted small">
            {' '}
            <Countdown until={h.until} label={untilLabel(h)} />
          </span>
        )}
        {h.state === 'circuit_open' && h.until === undefined && <span className="muted small"> probe on the next request</span>}
      </header>
      <dl className="health-figures">
        <div>
          <dt>Success (last hour)</dt>
          <dd data-testid="success-rate">
            {h.successRate === null ? 'no recent samples' : `${Math.round(h.successRate * 100)}% of ${h.samples}`}
            {h.hedgeLost > 0 && <span className="muted small"> · lost {h.hedgeLost} hedge race{h.hedgeLost === 1 ? '' : 's'}</span>}
          </dd>
        </div>
        <div>
          <dt>First token p50 / p95</dt>
          <dd data-testid="ttft">
            {ms(h.ttftMsP50)} / {ms(h.ttftMsP95)}
          </dd>
        </div>
        <div>
          <dt>Total p50 / p95</dt>
          <dd>
            {ms(h.totalMsP50)} / {ms(h.totalMsP95)}
          </dd>
        </div>
        <div>
          <dt>Speed</dt>
          <dd>{h.tokensPerSec === null ? '—' : `${h.tokensPerSec.toFixed(1)} tok/s`}</dd>
        </div>
        <div>
          <dt>Today</dt>
          <dd data-testid="today">
            {h.requestsToday} req{h.quota?.requestsPerDay !== undefined && ` (quota ${h.quota.requestsUsed}/${h.quota.requestsPerDay})`}, {h.tokensToday.toLocaleString()} tok
            {h.quota?.tokensPerDay !== undefined && ` (quota ${h.quota.tokensUsed.toLocaleString()}/${h.quota.tokensPerDay.toLocaleString()})`}
          </dd>
        </div>
        <div>
          <dt>Cost today / month</dt>
          <dd data-testid="cost">
            {formatUsd(h.costTodayUsd)} / {formatUsd(h.costMonthUsd)}
          </dd>
        </div>
      </dl>
      <LatencyChart samples={h.recent} />
      {h.lastError && (
        <p className="last-error small" data-testid="last-error">
          <strong>{ERROR_KIND_LABELS[h.lastError.kind]}</strong> at {new Date(h.lastError.at).toLocaleString()}: {h.lastError.message}
          {h.lastError.requestId && <span className="muted"> (request {h.lastError.requestId})</span>}
        </p>
      )}
      <RouteWeights provider={h.provider} />
      <footer className="health-controls">
        {enabled && h.state !== 'no_key' && <ProviderTest provider={h.provider} />}
        {h.breaker !== 'closed' && (
          <button type="button" onClick={() => void resetCircuit(h.provider)}>
            Reset circuit
          </button>
        )}
        <button type="button" onClick={() => void setEnabled(h.provider, !enabled)}>
          {enabled ? 'Disable' : 'Enable'}
        </button>
      </footer>
    </article>
  );
}
