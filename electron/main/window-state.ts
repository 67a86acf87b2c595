/**
 * The window opens where the user left it, on a screen that still exists: a
 * position saved on a monitor since unplugged would open the window off screen.
 * The pure part (fitting saved bounds to today's displays) is tested without Electron.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1200, height: 800 };
export const MIN_SIZE = { width: 720, height: 480 };
// Less than this much of the window on a screen and it counts as lost.
const MIN_VISIBLE = { width: 160, height: 80 };

const overlap = (a: Bounds, b: Bounds) => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

/** Saved bounds kept if enough of them is on a work area; otherwise the size alone, centred by the OS. */
export function fitToDisplays(saved: Bounds | undefined, workAreas: Bounds[]): Partial<Bounds> & { width: number; height: number } {
  if (!saved) return { ...DEFAULT_SIZE };
  const home = workAreas.find((area) => {
    const o = overlap(saved, area);
    return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
  });
  const area = home ?? workAreas[0];
  const clamp = (value: number, min: number, max: number | undefined) => Math.max(min, max === undefined ? value : Math.min(value, max));
  const width = clamp(saved.width, MIN_SIZE.width, area?.width);
  const height = clamp(saved.height, MIN_SIZE.height, area?.height);
  return home ? { x: saved.x, y: saved.y, width, height } : { width, height };
}

const isBounds = (v: unknown): v is Bounds =>
  typeof v === 'object' && v !== null && ['x', 'y', 'width', 'height'].every((k) => Number.isFinite((v as Record<string, unknown>)[k]));

const FILE = 'window-state.json';

/** A missing or damaged file just means the default size: it holds nothing the user would miss. */
export function readWindowState(dir: string): WindowState | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, FILE), 'utf8')) as Record<string, unknown>;
    return isBounds(parsed.bounds) ? { bounds: parsed.bounds, maximized: parsed.maximized === true } : undefined;
  } catch {
    return undefined;
  }
}

export function writeWindowState(dir: string, state: WindowState): void {
  const tmp = join(dir, `${FILE}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, join(dir, FILE));
  } catch {
    // Forgetting where the window was is not worth an error.
  }
}
