/** Order statistics over timing samples, in the nearest-rank convention. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

/** Element-wise a[i] - b[i] for samples taken in the same round. */
export function pairedDiffs(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.min(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((a[i] as number) - (b[i] as number));
  return out;
}

/** Element-wise a[i] / b[i] for samples taken in the same round. */
export function pairedRatios(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.min(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((a[i] as number) / (b[i] as number));
  return out;
}

/** Rounds to microseconds: finer digits are noise on this kind of machine. */
export function ms(value: number): number {
  return Math.round(value * 1000) / 1000;
}
