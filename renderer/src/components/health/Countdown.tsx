import { formatCountdown } from '../../lib/format.js';
import { useNow } from '../../lib/use-now.js';

export function Countdown({ until }: { until: number }) {
  const now = useNow();
  if (until <= now) return <span>ready to retry</span>;
  return <span>until {formatCountdown(until, now)}</span>;
}
