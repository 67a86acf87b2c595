/** The half-open health check: one cheap call (the model list), bounded by a timer on the injected clock. */
import type { ProviderAdapter } from '../providers/types.js';
import type { Clock } from './types.js';

export async function probeProvider(adapter: ProviderAdapter, clock: Clock, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  const timer = new AbortController();
  let cancelTimer: () => void = () => undefined;
  try {
    const timedOut = new Promise<false>((resolve) => {
      cancelTimer = clock.setTimeout(() => {
        timer.abort();
        resolve(false);
      }, timeoutMs);
    });
    const probed = adapter.probe(AbortSignal.any([signal, timer.signal])).then(
      (r) => r.ok,
      () => false,
    );
    return await Promise.race([probed, timedOut]);
  } finally {
    cancelTimer();
  }
}
