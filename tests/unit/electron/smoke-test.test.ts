import { describe, expect, it, vi } from 'vitest';
import { startSmokeTest } from '../../../electron/main/smoke-test.js';

describe('the packaged-app smoke test', () => {
  it('does nothing without its flag', () => {
    expect(startSmokeTest(['electron', '.'], () => undefined)).toBeUndefined();
  });

  it('exits 0 with one line once the renderer has had a call answered', () => {
    const exits: number[] = [];
    const lines: string[] = [];
    const smoke = startSmokeTest(['app', '--smoke-test'], (c) => exits.push(c), (l) => lines.push(l));
    smoke?.answered('app.info');
    smoke?.answered('settings.get');
    expect(exits).toEqual([0]);
    expect(lines).toEqual([expect.stringMatching(/^Switchboard smoke test: ok, the renderer's "app\.info" was answered \d+ ms after start$/)]);
  });

  it('exits 1 when the renderer never calls', () => {
    vi.useFakeTimers();
    try {
      const exits: number[] = [];
      startSmokeTest(['app', '--smoke-test'], (c) => exits.push(c), () => undefined);
      vi.advanceTimersByTime(60_000);
      expect(exits).toEqual([1]);
    } finally {
      vi.useRealTimers();
    }
  });
});
