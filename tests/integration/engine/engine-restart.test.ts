/**
 * After CUDA support is downloaded or removed, the engine restarts to load the
 * other binaries: never in the middle of an answer, and the next answer reloads
 * the model in a fresh engine process.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { engineCall, startEngine, TINY } from '../../engine/engine-fixture.js';

describe('engine restart for new binaries', () => {
  const engine = startEngine();
  afterAll(() => engine.host.close());
  const ask = (content: string) => engine.adapter.stream({ model: TINY, messages: [{ role: 'user', content }], maxTokens: 24 }, engineCall());

  test('waits for the answer in flight, then the next answer runs in a new process', async () => {
    const exits: string[] = [];
    const types: string[] = [];
    for await (const event of ask('Hello')) {
      if (types.length === 0) {
        engine.channels[0]?.onExit((reason) => exits.push(reason));
        engine.host.restart();
      }
      types.push(event.type);
    }
    expect(types.at(-1)).toBe('done');
    await expect.poll(() => exits.length).toBe(1);
    expect(engine.channels).toHaveLength(1);

    const again: string[] = [];
    for await (const event of ask('Hello again')) again.push(event.type);
    expect(again.at(-1)).toBe('done');
    expect(engine.channels).toHaveLength(2);
  }, 90_000);
});
