/**
 * Runs several request kinds round by round, so slow drift of the machine (GC,
 * CPU frequency, the other core's load) hits every kind alike and the i-th
 * samples of each kind were taken moments apart.
 *
 * The rounds walk through every order of the kinds in turn (A B C, A C B, B A C,
 * ...), so each kind runs in each position, and after each other kind, equally
 * often. A plain rotation (A B C, B C A, C A B) does not balance what runs just
 * before a sample, and that alone moved a kind's median by up to 5% here.
 * Every sample also starts the same pause after the previous one ended, once
 * its tail (streams closing, a state write) is over, as a message does after a
 * person stops typing. `between` runs after the pause: it should only confirm
 * that such work is done, so that every kind meets the same idle time.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export const PAUSE_MS = 3;

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** `rounds` is rounded up to whole cycles through the orders, so every order counts alike. */
export async function interleave<K extends string, S>(
  runners: Record<K, () => Promise<S>>,
  warmupRounds: number,
  rounds: number,
  between?: () => Promise<unknown>,
): Promise<Record<K, S[]>> {
  const keys = Object.keys(runners) as K[];
  const orders = permutations(keys);
  const measured = Math.ceil(rounds / orders.length) * orders.length;
  const samples = Object.fromEntries(keys.map((k) => [k, [] as S[]])) as Record<K, S[]>;
  for (let round = 0; round < warmupRounds + measured; round++) {
    for (const key of orders[round % orders.length] ?? keys) {
      const sample = await runners[key]();
      if (round >= warmupRounds) samples[key].push(sample);
      await sleep(PAUSE_MS);
      await between?.();
    }
  }
  return samples;
}
