import { useEffect, useRef } from 'react';
import { useUi } from '../../services-context.js';

/**
 * Asks before leaving a form with unsaved edits (another tab or screen, or
 * closing the window). Focus starts on "Keep editing", the choice that loses nothing.
 */
export function LeaveGuard() {
  const unsaved = useUi((s) => s.unsaved);
  const pending = useUi((s) => s.pending);
  const leave = useUi((s) => s.leave);
  const stay = useUi((s) => s.stay);
  const stayButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!unsaved) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);

  useEffect(() => {
    if (pending) stayButton.current?.focus();
  }, [pending]);

  if (!pending) return null;
  return (
    <div className="modal-backdrop">
      <div
        className="modal card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="leave-title"
        data-testid="leave-guard"
        onKeyDown={(e) => {
          if (e.key === 'Escape') stay();
        }}
      >
        <h3 id="leave-title">Discard unsaved edits?</h3>
        <p>You have not saved {unsaved ?? 'your edits'}. Leaving now discards them.</p>
        <div className="row">
          <button type="button" ref={stayButton} className="primary" onClick={stay} data-testid="leave-stay">
            Keep editing
          </button>
          <button type="button" className="danger" onClick={leave} data-testid="leave-discard">
            Discard and leave
          </button>
        </div>
      </div>
    </div>
  );
}
