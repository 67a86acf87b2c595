/** Delete, asked once in place; focus starts on "Keep it", the choice that loses nothing, and Escape keeps it. */
import { useEffect, useRef, useState } from 'react';

export function DeletePreset({ name, onDelete }: { name: string; onDelete(): void }) {
  const [asking, setAsking] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  useEffect(() => {
    if (asking) keep.current?.focus();
    // Back where the user was after "Keep it".
    else if (asked.current) start.current?.focus();
    asked.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" ref={start} className="danger" data-testid="preset-delete" onClick={() => setAsking(true)}>
        Delete preset
      </button>
    );
  }
  return (
    <div
      className="row delete-ask"
      role="alertdialog"
      aria-label={`Delete ${name}?`}
      data-testid="preset-delete-ask"
      onKeyDown={(e) => {
        if (e.key === 'Escape') setAsking(false);
      }}
    >
      <span>Delete “{name}”? Chats started from it keep their system prompt and settings.</span>
      <button type="button" ref={keep} data-testid="preset-delete-keep" onClick={() => setAsking(false)}>
        Keep it
      </button>
      <button type="button" className="danger" data-testid="preset-delete-confirm" onClick={onDelete}>
        Delete
      </button>
    </div>
  );
}
