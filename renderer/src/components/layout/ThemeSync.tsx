import { useEffect } from 'react';
import { useSettings } from '../../services-context.js';
import { applyTheme } from '../../lib/theme.js';

/** Keeps <html data-theme> on the saved choice; until settings arrive, the remembered one applied at start stays. */
export function ThemeSync() {
  const theme = useSettings((s) => (s.settings ? (s.settings.appearance?.theme ?? 'system') : undefined));
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
  return null;
}
