/**
 * Runs several request kinds round by round (A B C, B C A, C A B, ...), so slow
 * drift of the machine (GC, CPU frequency, the other core's load) hits every kind
 * alike and the i-th samples of each kind were taken moments apart. Rotating the
 * order keeps "always second" from becoming a bias of its own.
 */
export async function interleave<K extends string, S>(
  runners: Record<K, () => Promise<S>>,
  warmupRounds: number,
  rounds: number,
): Promise<Record<K, S[]>> {
  const keys = Object.keys(runners) as K[];
  const samples = Object.fromEntries(keys.map((k) => [k, [] as S[]])) as Record<K, S[]>;
  for (let round = 0; round < warmupRounds + rounds; round++) {
    const shift = round % keys.length;
    const order = [...keys.slice(shift), ...keys.slice(0, shift)];
    for (const key of order) {
      const sample = await runners[key]();
      if (round >= warmupRounds) samples[key].push(sample);
    }
  }
  return samples;
}
