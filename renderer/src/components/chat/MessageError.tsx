import type { Message } from '../../../../shared/chat.js';
import { ERROR_KIND_LABELS } from '../../../../shared/errors.js';

/** What went wrong in words, the provider's own message, then every attempt. */
export function MessageError({ message }: { message: Message }) {
  const error = message.error;
  const failed = (message.attempts ?? []).filter((a) => a.outcome === 'error');
  return (
    <div className="message-error" role="alert">
      <p className="error" data-testid="error">
        <strong>{error ? ERROR_KIND_LABELS[error.kind] : 'The answer failed'}</strong>
        {error?.message ? `: ${error.message}` : ''}
      </p>
      {failed.length > 0 && (
        <ul className="attempt-errors">
          {failed.map((a, i) => (
            <li key={i}>
              {a.provider}·{a.model}: {a.errorKind ? ERROR_KIND_LABELS[a.errorKind] : 'failed'}
              {a.status !== undefined ? ` (HTTP ${a.status})` : ''}
              {a.message ? ` — ${a.message}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
