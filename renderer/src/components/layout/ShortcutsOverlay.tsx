/** The `?` overlay: every shortcut, in this platform's key names. */
import { useEffect, useRef } from 'react';
import { keyNames, SHORTCUTS } from '../../lib/shortcuts.js';
import { IS_MAC } from './use-shortcuts.js';

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement;
    close.current?.focus();
    // Focus goes back where it was when the overlay closes.
    return () => {
      if (before instanceof HTMLElement) before.focus();
    };
  }, []);
  return (
    <div className="shortcuts-backdrop" onClick={onClose}>
      <div className="shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts-overlay" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys} data-shortcut={s.id}>
                <td>{s.label}</td>
                <td>
                  {keyNames(s.keys, IS_MAC).map((k, i) => (
                    <kbd key={i}>{k}</kbd>
                  ))}
                </td>
              </tr>
            ))}
            <tr>
              <td>Rename or delete the focused conversation</td>
              <td>
                <kbd>F2</kbd> <kbd>Delete</kbd>
              </td>
            </tr>
            <tr>
              <td>Earlier prompts, in an empty message box</td>
              <td>
                <kbd>↑</kbd> <kbd>↓</kbd>
              </td>
            </tr>
          </tbody>
        </table>
        <button type="button" ref={close} data-testid="shortcuts-close" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
