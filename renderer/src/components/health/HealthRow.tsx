import type { ProviderHealth } from '../../../../shared/providers.js';
import { ERROR_KIND_LABELS } from '../../../../shared/errors.js';
import { formatMs } from '../../lib/format.js';
import { ProviderTest } from '../settings/providers/ProviderTest.js';
import { Countdown } from './Countdown.js';
import { StatusDot } from './StatusDot.js';

const BREAKER: Record<ProviderHealth['breaker'], string> = { closed: 'closed', open: 'open', half_open: 'half-open' };

export function HealthRow({ health: h }: { health: ProviderHealth }) {
  return (
    <tr data-testid="health-row" data-provider={h.provider} data-state={h.state}>
      <td>{h.name}</td>
      <td>
        <StatusDot state={h.state} />
      </td>
      <td>
        {BREAKER[h.breaker]}
        {h.until !== undefined && (
          <>
            {' '}
            (<Countdown until={h.until} />)
          </>
        )}
      </td>
      <td className="last-error">
        {h.lastErrorKind && <strong>{ERROR_KIND_LABELS[h.lastErrorKind]}</strong>}
        {h.lastError && <div className="muted small">{h.lastError}</div>}
      </td>
      <td>{formatMs(h.lastLatencyMs)}</td>
      <td>{formatMs(h.p50TtftMs)}</td>
      <td>
        {h.recentRequests} req, {h.recentFailures} failed
      </td>
      <td>
        <ProviderTest provider={h.provider} />
      </td>
    </tr>
  );
}
