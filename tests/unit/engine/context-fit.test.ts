import { describe, expect, it } from 'vitest';
import { fitContextSize } from '../../../electron/main/core/providers/engine/context-fit.js';

const GB = 1024 ** 3;
// A 1 GB model whose context costs 100 KB per token.
const bytesFor = (size: number) => GB + size * 100 * 1024;

describe('context size fitted to memory', () => {
  it('gives the default cap on a machine with room to spare', () => {
    expect(fitContextSize({ trainContext: 32768, freeMemoryBytes: 16 * GB, bytesFor })).toBe(8192);
  });
  it('shrinks the context when free memory is short, keeping half of it for everything else', () => {
    // Half of 3 GB is 1.5 GB: the model plus 4096 tokens (0.4 GB) fits, 8192 (0.8 GB) does not.
    expect(fitContextSize({ trainContext: 32768, freeMemoryBytes: 3 * GB, bytesFor })).toBe(4096);
  });
  it('never asks for more than the model was trained with', () => {
    expect(fitContextSize({ trainContext: 2048, freeMemoryBytes: 16 * GB, bytesFor })).toBe(2048);
  });
  it('falls back to the smallest context when nothing fits, so the load can say why', () => {
    expect(fitContextSize({ trainContext: 32768, freeMemoryBytes: GB, bytesFor })).toBe(512);
  });
});
