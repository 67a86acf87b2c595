/**
 * Picks the context size the engine asks for: the model's own window or less,
 * so that the model plus its context stay within half the memory that is free,
 * leaving the rest to the app and everything else the user runs.
 */
const STEPS = [32768, 16384, 8192, 4096, 2048, 1024, 512];

export interface FitInput {
  /** The window the model was trained with. */
  trainContext: number;
  freeMemoryBytes: number;
  /** Memory the model plus a context of this size would need. */
  bytesFor: (contextSize: number) => number;
  /** Never more than this, whatever the memory: a longer context is slower to fill. */
  cap?: number;
}

export function fitContextSize(input: FitInput): number {
  const budget = input.freeMemoryBytes / 2;
  const ceiling = Math.min(input.trainContext, input.cap ?? 8192);
  for (const size of STEPS) {
    if (size <= ceiling && input.bytesFor(size) <= budget) return size;
  }
  // Even the smallest context does not fit: try it anyway, and let the load say why if it fails.
  return Math.min(512, ceiling);
}
