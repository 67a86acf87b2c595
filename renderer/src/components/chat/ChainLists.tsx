import type { Skip } from '../../../../shared/chat.js';
import { useProviderName } from '../../lib/provider-names.js';

/** Targets in the order they would be (or were) tried, as "provider·model". */
export function ChainList({ chain }: { chain: readonly { provider: string; model: string }[] }) {
  const name = useProviderName();
  return (
    <ol>
      {chain.map((c, i) => (
        <li key={i}>
          {name(c.provider)}·{c.model}
        </li>
      ))}
    </ol>
  );
}

/** Targets left out and why; nothing when none were. */
export function SkippedList({ skipped }: { skipped: readonly Skip[] }) {
  const name = useProviderName();
  if (skipped.length === 0) return null;
  return (
    <>
      <h4>Skipped</h4>
      <ul>
        {skipped.map((s, i) => (
          <li key={i}>
            {name(s.provider)}·{s.model}: {s.reason}
          </li>
        ))}
      </ul>
    </>
  );
}
