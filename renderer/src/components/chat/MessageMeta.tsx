import { reportedCostOf } from '../../../../shared/chat.js';
import { fallbacksOf } from '../../lib/fallbacks.js';
import { formatMs, formatRate, formatUsd, tokensPerSecond } from '../../lib/format.js';
import type { ChatItem } from '../../store/chat-data.js';
import { useProviderName } from '../../lib/provider-names.js';

/** provider·model, task type and why, tokens, cost (and the provider's own figure), time to first token, total, tokens/s; then notes and fallbacks. */
export function MessageMeta({ item }: { item: ChatItem }) {
  const { message } = item;
  const name = useProviderName();
  const parts: string[] = [];
  if (message.status === 'cancelled') parts.push('stopped');
  if (message.finish === 'length') parts.push('cut off at the output limit');
  if (message.provider) parts.push(message.model ? `${name(message.provider)}·${message.model}` : name(message.provider));
  if (message.trace?.taskReason) parts.push(message.trace.taskReason);
  else if (message.taskType) parts.push(message.taskType);
  if (message.usage) parts.push(`${message.usageEstimated ? '≈' : ''}${message.usage.inputTokens} in / ${message.usage.outputTokens} out tokens`);
  const reported = reportedCostOf(message);
  // A provider's own charge (OpenRouter) stands beside the estimate, so a wrong price list shows.
  if (message.costUsd !== undefined) parts.push(reported === undefined ? formatUsd(message.costUsd) : `${formatUsd(message.costUsd)} est.`);
  if (reported !== undefined) parts.push(`${formatUsd(reported)} reported by the provider`);
  if (message.ttftMs !== undefined) parts.push(`first token ${formatMs(message.ttftMs)}`);
  if (message.latencyMs !== undefined) parts.push(`total ${formatMs(message.latencyMs)}`);
  const rate = tokensPerSecond(message);
  if (rate !== undefined) parts.push(formatRate(rate));
  const fallbacks = fallbacksOf(message, item.fallbacks);

  return (
    <div className="message-meta">
      <div data-testid="message-meta">{parts.join(' · ')}</div>
      {message.note && <div className="note">{message.note}</div>}
      {fallbacks.length > 0 && (
        <ul className="fallbacks" aria-label="Fallbacks">
          {fallbacks.map((f, i) => (
            <li key={i}>
              ↪ {name(f.from)} → {name(f.to)}: {f.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
