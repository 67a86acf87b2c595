import { useHealth } from '../../../services-context.js';
import { ERROR_KIND_LABELS } from '../../../../../shared/errors.js';
import { formatMs } from '../../../lib/format.js';

/** A Test button and its result: latency, or the provider's own error and request id. */
export function ProviderTest({ provider }: { provider: string }) {
  const probe = useHealth((s) => s.probes[provider]);
  const test = useHealth((s) => s.test);
  const r = probe?.result;
  return (
    <span className="provider-test">
      <button type="button" onClick={() => void test(provider)} disabled={probe?.pending} data-testid="provider-test">
        {probe?.pending ? 'Testing…' : 'Test'}
      </button>
      {probe && !probe.pending && (
        <span className={r?.ok ? 'ok small' : 'error small'} data-testid="provider-test-result" role="status">
          {r?.ok && `OK in ${formatMs(r.latencyMs)}${r.ttftMs !== undefined ? `, first token ${formatMs(r.ttftMs)}${r.model ? ` from ${r.model}` : ''}` : ''}${r.modelCount !== undefined ? `, ${r.modelCount} models` : ''}`}
          {r && !r.ok && `${r.errorKind ? ERROR_KIND_LABELS[r.errorKind] : 'Failed'}${r.message ? `: ${r.message}` : ''}${r.requestId ? ` (request ${r.requestId})` : ''}`}
          {probe.error}
        </span>
      )}
    </span>
  );
}
