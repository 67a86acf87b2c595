/**
 * The router reads quotas, spend and recent latency from the attempts table,
 * so what another process (a CLI on the same data folder) sent counts too.
 * Two storages on one folder stand for two processes.
 */
import { describe, expect, it } from 'vitest';
import { createAttemptLedger } from '../../../electron/main/core/store/attempts/attempt-ledger.js';
import type { Storage } from '../../../electron/main/core/store/storage.js';
import { fail, harness, makeSettings, ok, T0 } from '../router/fakes.js';
import { attempt, freshStorage, message } from './helpers.js';

const routerOn = (s: Storage, settings = makeSettings(['a'])) =>
  harness({ settings, store: s.routerState, ledger: createAttemptLedger(s.db, s.attempts), scripts: { a: [ok('A'), ok('A'), ok('A')], local: [ok('L'), ok('L')] } });

/** Another process's attempt, committed. */
const elsewhere = (s: Storage, extra: Parameters<typeof attempt>[0] = {}): void => {
  s.attempts.record({ attempt: attempt({ provider: 'a', startedAt: T0 - 1000, ...extra }), source: 'cli', fallback: false, quota: { requests: 1, tokens: 30 } });
  s.attempts.flush();
};

describe('the attempt ledger', () => {
  it('counts another process’s requests against the daily quota', async () => {
    const app = freshStorage();
    const cli = freshStorage(app.dir);
    const h = routerOn(app, makeSettings(['a'], { quotas: { a: { requestsPerDay: 3 } } }));
    expect((await h.send()).provider).toBe('a');
    elsewhere(cli);
    elsewhere(cli);
    const r = await h.send();
    expect(r.provider).toBe('local');
    expect(r.trace.skipped[0]?.reason).toBe('daily request quota reached (3/3)');
  });

  it('stops paid targets when another process spent the budget (hard stop)', async () => {
    const app = freshStorage();
    const h = routerOn(app, makeSettings(['a'], { budgets: { dailyUsd: 1, hardStop: true } }));
    elsewhere(freshStorage(app.dir), { costUsd: 1.5 });
    const r = await h.send();
    expect(r.provider).toBe('local');
    expect(r.trace.skipped[0]?.reason).toContain('daily budget of $1 reached');
  });

  it('records every attempt with its message, source, fallback flag and quota share', async () => {
    const app = freshStorage();
    const c = app.conversations.create('x', 1);
    app.conversations.putMessage(message(c.id, 'draft', '', { status: 'streaming' }));
    const h = harness({
      settings: makeSettings(['a']),
      store: app.routerState,
      ledger: createAttemptLedger(app.db, app.attempts),
      scripts: { a: [fail('server', { status: 500, message: 'boom', requestId: 'req_1' })], local: [ok('L')] },
    });
    await h.send('hi', { messageId: 'draft', source: 'cli' });
    const rows = app.db.prepare('SELECT message_id, source, provider, outcome, http_status, request_id, fallback, quota_requests, task_type FROM attempts ORDER BY id').all();
    expect(rows).toEqual([
      { message_id: 'draft', source: 'cli', provider: 'a', outcome: 'error', http_status: 500, request_id: 'req_1', fallback: 0, quota_requests: 1, task_type: 'general' },
      { message_id: 'draft', source: 'cli', provider: 'local', outcome: 'ok', http_status: null, request_id: null, fallback: 1, quota_requests: 0, task_type: 'general' },
    ]);
  });

  it('shows recent latency and failures from the table on the health panel', async () => {
    const app = freshStorage();
    const h = routerOn(app);
    const cli = freshStorage(app.dir);
    for (const ttftMs of [100, 200, 300]) elsewhere(cli, { startedAt: T0 - 5000, ttftMs });
    elsewhere(cli, { startedAt: T0 - 4000, outcome: 'error', errorKind: 'server' });
    const [a] = h.router.state.health();
    expect(a).toMatchObject({ provider: 'a', ttftMsP50: 200, samples: 4, failures: 1, successRate: 0.75, state: 'degraded', requestsToday: 4, lastError: { kind: 'server', at: T0 - 4000 } });
  });

  it('adds its own attempts to its cached figures exactly as a fresh read of the table gives them', async () => {
    const app = freshStorage();
    const ledger = createAttemptLedger(app.db, app.attempts);
    const h = harness({
      settings: makeSettings(['a']),
      store: app.routerState,
      ledger,
      scripts: { a: [ok('A'), fail('server', { status: 500 }), ok('A')], local: [ok('L'), ok('L')] },
    });
    for (let i = 0; i < 3; i++) await h.send();
    elsewhere(freshStorage(app.dir));
    await h.send();
    const fresh = createAttemptLedger(app.db, app.attempts);
    expect(ledger.usage(T0)).toEqual(fresh.usage(T0));
    expect(ledger.recent()).toEqual(fresh.recent());
    // Every attempt on `a`, this process's and the other's.
    expect(ledger.usage(T0).providers.a?.requests).toBe(app.db.prepare("SELECT count(*) FROM attempts WHERE provider = 'a'").pluck().get());
    expect(ledger.usage(T0).providers.a?.requests).toBeGreaterThanOrEqual(4);
  });

  it('keeps breakers and cooldowns across a restart', async () => {
    const app = freshStorage();
    const h = harness({
      settings: makeSettings(['a']),
      store: app.routerState,
      ledger: createAttemptLedger(app.db, app.attempts),
      scripts: { a: [fail('rate_limited', { status: 429, retryAfterMs: 3_600_000 })], local: [ok('L'), ok('L')] },
    });
    await h.send();
    await h.router.state.flush();
    app.close();
    const again = freshStorage(app.dir);
    const r = await routerOn(again).send();
    expect(r.provider).toBe('local');
    expect(r.trace.skipped[0]?.provider).toBe('a');
  });

  it('writes an attempt on the next turn, off the answer’s path, yet every reader and a restart see it', async () => {
    const app = freshStorage();
    const c = app.conversations.create('x', 1);
    app.conversations.putMessage(message(c.id, 'draft', '', { status: 'streaming' }));
    const ledger = createAttemptLedger(app.db, app.attempts);
    const count = app.db.prepare('SELECT count(*) FROM attempts').pluck();
    const entry = { attempt: attempt({ provider: 'a', startedAt: T0 }), source: 'chat' as const, messageId: 'draft', fallback: false, quota: { requests: 1, tokens: 30 } };
    ledger.record(entry);
    // Not in the table while the answer is being handed over…
    expect(count.get()).toBe(0);
    // …yet the router's figures and a reader in this process already count it,
    expect(ledger.usage(T0).providers.a?.requests).toBe(1);
    expect(app.attempts.forMessages(['draft']).get('draft')?.map((a) => a.provider)).toEqual(['a']);
    ledger.record(entry);
    await new Promise((resolve) => setImmediate(resolve));
    expect(count.get()).toBe(2);
    // …and closing writes whatever is still waiting.
    ledger.record(entry);
    app.close();
    expect(freshStorage(app.dir).db.prepare('SELECT count(*) FROM attempts').pluck().get()).toBe(3);
  });
});
