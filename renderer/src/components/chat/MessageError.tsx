import type { Message } from '../../../../shared/chat.js';
import { ERROR_KIND_LABELS } from '../../../../shared/errors.js';
import { plainError } from '../../lib/plain-error.js';
import { useSettings } from '../../services-context.js';

/** What went wrong in one plain sentence; each attempt, in the provider's own words, behind Details. */
export function MessageError({ message }: { message: Message }) {
  const providers = useSettings((s) => s.providers);
  const failed = (message.attempts ?? []).filter((a) => a.outcome === 'error');
  const nameOf = (id: string) => providers.find((p) => p.id === id)?.name ?? id;
  const details = failed.length > 0 || message.error?.message;
  return (
    <div className="message-error" role="alert">
      <p className="error" data-testid="error">
        {plainError(message, providers)}
      </p>
      {details && (
        <details className="error-details" data-testid="error-details">
          <summary>Details</summary>
          {failed.length > 0 ? (
            <ul className="attempt-errors">
              {failed.map((a, i) => (
                <li key={i}>
                  {nameOf(a.provider)} · {a.model}: {a.errorKind ? ERROR_KIND_LABELS[a.errorKind] : 'failed'}
                  {a.status !== undefined ? ` (HTTP ${a.status})` : ''}
                  {a.message ? ` — ${a.message}` : ''}
                  {a.requestId ? ` (request ${a.requestId})` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p className="small">{message.error?.message}</p>
          )}
        </details>
      )}
    </div>
  );
}
