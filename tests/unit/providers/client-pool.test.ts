import { describe, expect, it } from 'vitest';
import { clientPool, onLease, type ClientPool } from '../../../electron/main/core/providers/adapters/client-pool.js';
import type { ResponseTap } from '../../../electron/main/core/providers/adapters/response-tap.js';

/** A stand-in SDK client: all it does is call the fetch it was built with. */
interface Client {
  send(url: string): Promise<Response>;
}

function tap(name: string, seen: string[]): ResponseTap {
  return {
    fetch: ((input: Parameters<typeof fetch>[0]) => {
      seen.push(`${name}:${String(input)}`);
      return Promise.resolve(new Response(name));
    }) as typeof fetch,
    last: undefined,
  };
}

/** A pool whose clients send straight through the leased fetch, counting how many it built. */
function countingPool(): { pool: ClientPool<Client>; built: () => number } {
  let count = 0;
  const pool = clientPool<Client>((f) => {
    count += 1;
    return { send: (url) => f(url) };
  });
  return { pool, built: () => count };
}

describe('SDK client pool', () => {
  it('sends each call through its own tap, even while two calls are in flight', async () => {
    const { pool, built } = countingPool();
    const seen: string[] = [];
    const a = pool.lease(tap('a', seen));
    const b = pool.lease(tap('b', seen));
    expect(a.client).not.toBe(b.client);
    await Promise.all([a.client.send('/one'), b.client.send('/two')]);
    expect(seen).toEqual(['a:/one', 'b:/two']);
    a.release();
    b.release();

    const c = pool.lease(tap('c', seen));
    await c.client.send('/three');
    expect(seen.at(-1)).toBe('c:/three');
    expect(built()).toBe(2);
  });

  it('refuses a request made after the call released its client', async () => {
    const pool = clientPool<Client>((f) => ({ send: (url) => f(url) }));
    const lease = pool.lease(tap('a', []));
    lease.release();
    lease.release();
    await expect(lease.client.send('/late')).rejects.toThrow(/outside its lease/);
    // A double release must not hand the same client to two later calls.
    expect(pool.lease(tap('x', [])).client).not.toBe(pool.lease(tap('y', [])).client);
  });

  it('gives the client back after a call, whether it answered or failed', async () => {
    const { pool, built } = countingPool();
    const seen: string[] = [];
    const ok = await onLease(pool, tap('a', seen), (client) => client.send('/ok'));
    expect(await ok.text()).toBe('a');
    await expect(onLease(pool, tap('b', seen), () => Promise.reject(new Error('provider said no')))).rejects.toThrow('provider said no');
    await onLease(pool, tap('c', seen), (client) => client.send('/again'));
    expect(seen).toEqual(['a:/ok', 'c:/again']);
    expect(built()).toBe(1);
  });
});
