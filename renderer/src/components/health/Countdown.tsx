import { formatCountdown } from '../../lib/format.js';
import { useNow } from '../../lib/use-now.js';

/** "probe in 12s", "until 1m 05s": `label` names what happens when it runs out. */
export function Countdown({ until, label = 'until' }: { until: number; label?: string }) {
  const now = useNow();
  if (until <= now) return <span data-testid="countdown">ready to retry</span>;
  return (
    <span data-testid="countdown" data-until={until}>
      {label} {formatCountdown(until, now)}
    </span>
  );
}
