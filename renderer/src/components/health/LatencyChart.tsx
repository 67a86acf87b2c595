/**
 * Recent calls as bars: height is the total time (a tick marks the first token),
 * colour is how it ended. Plain SVG, scaled to the slowest call shown.
 */
import type { HealthSample } from '../../../../shared/providers.js';
import { formatMs } from '../../lib/format.js';

const W = 180;
const H = 36;

export function LatencyChart({ samples }: { samples: readonly HealthSample[] }) {
  if (samples.length === 0) return <span className="muted small">no recent requests</span>;
  const max = Math.max(...samples.map((s) => s.ms), 1);
  const step = W / Math.max(samples.length, 10);
  const errors = samples.filter((s) => s.outcome === 'error').length;
  return (
    <svg className="latency-chart" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${samples.length} recent requests, ${errors} failed, slowest ${formatMs(max)}`}>
      {samples.map((s, i) => {
        const h = Math.max(2, (s.ms / max) * (H - 2));
        const x = i * step;
        return (
          <g key={`${s.at}-${i}`} className={`bar ${s.outcome}`}>
            <title>{`${new Date(s.at).toLocaleTimeString()}: ${s.outcome.replace('_', ' ')}, ${formatMs(s.ms)}${s.ttftMs !== undefined ? `, first token ${formatMs(s.ttftMs)}` : ''}`}</title>
            <rect x={x} y={H - h} width={Math.max(1, step - 1)} height={h} />
            {s.ttftMs !== undefined && <rect className="ttft" x={x} y={H - Math.max(1, (s.ttftMs / max) * (H - 2))} width={Math.max(1, step - 1)} height={1} />}
          </g>
        );
      })}
    </svg>
  );
}
