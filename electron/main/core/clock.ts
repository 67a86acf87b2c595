/**
 * The core's clock, injected everywhere time matters (timeouts, breakers,
 * quotas), so tests drive it and nothing reads the wall clock behind its back.
 * Its own module: the router and the providers both use it, and neither owns it.
 */

export interface Clock {
  now(): number;
  /**
   * Returns a cancel function. Tests drive it with a fake clock. An `unref` timer
   * does not keep the process alive on its own (fake clocks may ignore that).
   */
  setTimeout(fn: () => void, ms: number, options?: { unref?: boolean }): () => void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms, options) => {
    const t = setTimeout(fn, ms);
    if (options?.unref) t.unref();
    return () => clearTimeout(t);
  },
};

/** A duration as the trace says it: "3s", "1.5s". */
export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}
