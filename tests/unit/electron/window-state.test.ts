import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, fitToDisplays, readWindowState, writeWindowState } from '../../../electron/main/window-state.js';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('where the window opens', () => {
  it('opens at the default size the first time', () => {
    expect(fitToDisplays(undefined, [laptop])).toEqual(DEFAULT_SIZE);
  });

  it('comes back where it was, on a screen that is still there', () => {
    expect(fitToDisplays({ x: 1600, y: 100, width: 1400, height: 900 }, [laptop, monitor])).toEqual({ x: 1600, y: 100, width: 1400, height: 900 });
  });

  it('is brought back on screen when the monitor it was on is gone, and fits the screen it lands on', () => {
    const onUnplugged = { x: 1600, y: 100, width: 2000, height: 1200 };
    expect(fitToDisplays(onUnplugged, [laptop])).toEqual({ width: 1440, height: 875 });
  });

  it('counts a sliver left on screen as lost', () => {
    expect(fitToDisplays({ x: 1400, y: 10, width: 1000, height: 700 }, [laptop])).toEqual({ width: 1000, height: 700 });
  });

  it('remembers size, position and maximised across runs, and shrugs off a damaged file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-win-'));
    expect(readWindowState(dir)).toBeUndefined();
    writeWindowState(dir, { bounds: { x: 10, y: 20, width: 900, height: 600 }, maximized: true });
    expect(readWindowState(dir)).toEqual({ bounds: { x: 10, y: 20, width: 900, height: 600 }, maximized: true });
    writeFileSync(join(dir, 'window-state.json'), '{"bounds":{"x":"a"}}');
    expect(readWindowState(dir)).toBeUndefined();
    writeFileSync(join(dir, 'window-state.json'), 'null');
    expect(readWindowState(dir)).toBeUndefined();
  });
});
