import { useState } from 'react';
import { ThemeSchema, type Theme } from '../../../../shared/settings.js';
import { useSettings } from '../../services-context.js';
import { SaveResult, type SaveMessage } from '../layout/SaveResult.js';

const WORDS: Record<Theme, string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

/** Light, dark or the system's, saved with the settings so every window and restart agrees. */
export function AppearanceSection() {
  const theme = useSettings((s) => s.settings?.appearance?.theme ?? 'system');
  const update = useSettings((s) => s.update);
  const [message, setMessage] = useState<SaveMessage>();

  async function choose(next: Theme): Promise<void> {
    const error = await update((current) => ({ ...current, appearance: { theme: next } }));
    setMessage(error ? { ok: false, text: error } : undefined);
  }

  return (
    <section className="card" aria-label="Appearance">
      <h3>Appearance</h3>
      <div className="row" role="radiogroup" aria-label="Theme">
        {ThemeSchema.options.map((t) => (
          <label key={t} className="toggle">
            <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => void choose(t)} data-testid={`theme-${t}`} />
            {WORDS[t]}
          </label>
        ))}
      </div>
      <SaveResult message={message} />
    </section>
  );
}
