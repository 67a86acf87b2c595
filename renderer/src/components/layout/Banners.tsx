import { useNotices } from '../../services-context.js';

/** App notices (dismissible) and the connection state. */
export function Banners() {
  const notices = useNotices((s) => s.notices);
  const connection = useNotices((s) => s.connection);
  const infoError = useNotices((s) => s.infoError);
  const dismiss = useNotices((s) => s.dismiss);
  return (
    <div className="banners" aria-live="polite">
      {connection === 'reconnecting' && (
        <div className="banner warning" role="status" data-testid="banner" data-kind="reconnecting">
          Reconnecting…
        </div>
      )}
      {infoError && (
        <div className="banner error" role="alert" data-testid="banner">
          {infoError}
        </div>
      )}
      {notices.map((n) => (
        <div key={n.id} className={`banner ${n.level}`} role={n.level === 'error' ? 'alert' : 'status'} data-testid="banner" data-notice={n.id}>
          <span>{n.text}</span>
          <button type="button" className="link" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
