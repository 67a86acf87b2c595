import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileStateStore } from '../../../electron/main/core/router/file-state-store.js';
import { FakeClock, T0, fail, harness, ok } from './fakes.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'router-state-'));
  dirs.push(d);
  return d;
}

describe('file-backed router state', () => {
  it('coalesces a burst of saves without blocking, and stores the newest snapshot', async () => {
    const path = join(tempDir(), 'state.json');
    const store = createFileStateStore(path);
    const snapshot = (dayUsd: number) => ({ version: 1 as const, providers: {}, recent: {}, flagged: [], usage: { day: 'd', month: 'm', providers: {}, dayUsd, monthUsd: 0, warned: [] } });
    for (let i = 1; i <= 50; i++) store.save(snapshot(i));
    await store.flush?.();
    expect(JSON.parse(readFileSync(path, 'utf8')).usage.dayUsd).toBe(50);
  });

  it('writes again after its folder was removed while the app ran', async () => {
    const folder = join(tempDir(), 'data');
    const path = join(folder, 'state.json');
    const store = createFileStateStore(path);
    const snapshot = (dayUsd: number) => ({ version: 1 as const, providers: {}, recent: {}, flagged: [], usage: { day: 'd', month: 'm', providers: {}, dayUsd, monthUsd: 0, warned: [] } });
    store.save(snapshot(1));
    await store.flush?.();
    rmSync(folder, { recursive: true, force: true });
    store.save(snapshot(2)); // lost: the folder is gone, and is made again for the next save
    await store.flush?.();
    store.save(snapshot(3));
    await store.flush?.();
    expect(JSON.parse(readFileSync(path, 'utf8')).usage.dayUsd).toBe(3);
  });

  it('survives a restart: a cooled-down provider is not called 10 s later by a new router', async () => {
    const path = join(tempDir(), 'nested', 'router-state.json');
    const first = harness({ store: createFileStateStore(path), scripts: { a: [fail('rate_limited', { retryAfterMs: 60_000 })], local: [ok('L')] } });
    await first.send();
    await first.router.state.flush();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ version: 1, providers: { a: { breaker: 'open' } } });

    const second = harness({ store: createFileStateStore(path), clock: new FakeClock(T0 + 10_000), scripts: { a: [ok('A')], local: [ok('L')] } });
    expect((await second.send()).provider).toBe('local');
    expect(second.adapters.a?.requests).toHaveLength(0);
    // Saves are asynchronous: let the last one land before the folder is removed.
    await second.router.state.flush();
  });

  it('leaves no temporary files behind and ignores a damaged file', async () => {
    const dir = tempDir();
    const path = join(dir, 'state.json');
    const store = createFileStateStore(path);
    expect(store.load()).toBeUndefined();
    writeFileSync(path, '{ not json');
    expect(store.load()).toBeUndefined();
    store.save({ version: 1, providers: {}, recent: {}, flagged: [], usage: { day: 'd', month: 'm', providers: {}, dayUsd: 0, monthUsd: 0, warned: [] } });
    await store.flush?.();
    expect(readdirSync(dir)).toEqual(['state.json']);
    expect(store.load()).toMatchObject({ version: 1 });
  });
});
