/** Each schema step, run on a database at the version before it that holds data, keeps that data and adds what it promises. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/main/core/store/db/migrate.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/main/core/store/db/migrations/index.js';

function at(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, version);
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  return db;
}

const seed = (db: Database.Database) => {
  db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'old', 1, 1)").run();
  db.prepare("INSERT INTO messages (id, conversation_id, role, text, status, created_at) VALUES ('m1', 'c1', 'user', 'hello migration world', 'done', 5)").run();
  db.prepare("INSERT INTO messages (id, conversation_id, role, text, status, created_at) VALUES ('m2', 'c1', 'assistant', 'half', 'streaming', 6)").run();
};

describe('schema migrations', () => {
  it('1: conversations and messages, with the count and order kept by the database', () => {
    const db = at(1);
    seed(db);
    expect(db.prepare("SELECT message_count, updated_at FROM conversations WHERE id = 'c1'").get()).toEqual({ message_count: 2, updated_at: 6 });
    expect(() => db.prepare("INSERT INTO messages (id, conversation_id, role, text, status, created_at) VALUES ('x', 'nope', 'user', '', 'done', 1)").run()).toThrow(/FOREIGN KEY/);
  });

  it('1 → 2: adds attempts without touching messages', () => {
    const db = at(1);
    seed(db);
    migrate(db, MIGRATIONS, 2);
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 2 });
    db.prepare("INSERT INTO attempts (message_id, source, provider, model, outcome, started_at, total_ms) VALUES ('m2', 'chat', 'p', 'm', 'ok', 1, 2)").run();
    expect(() => db.prepare("INSERT INTO attempts (source, provider, model, outcome, started_at, total_ms) VALUES ('elsewhere', 'p', 'm', 'ok', 1, 2)").run()).toThrow(/CHECK/);
  });

  it('2 → 3: indexes the finished messages already there, and keeps the index in sync after', () => {
    const db = at(2);
    seed(db);
    migrate(db, MIGRATIONS, 3);
    const find = (q: string) => db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?').all(q).length;
    expect(find('migration')).toBe(1);
    expect(find('half')).toBe(0); // still streaming: indexed once it ends
    db.prepare("UPDATE messages SET status = 'done', text = 'half and whole' WHERE id = 'm2'").run();
    expect(find('whole')).toBe(1);
    db.prepare("DELETE FROM messages WHERE id = 'm1'").run();
    expect(find('migration')).toBe(0);
    expect(db.prepare("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')").run().changes).toBeGreaterThanOrEqual(0);
  });

  it('3 → 4: adds the router state table', () => {
    const db = at(3);
    seed(db);
    migrate(db, MIGRATIONS, 4);
    db.prepare("INSERT INTO router_state (key, value, updated_at) VALUES ('flagged', '[]', 1)").run();
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 2 });
  });

  it('4 → 5: answers gain how they ended (finish, seams, estimated usage), old rows reading as before', () => {
    const db = at(4);
    seed(db);
    migrate(db, MIGRATIONS, 5);
    expect(db.prepare("SELECT finish, seams, usage_estimated FROM messages WHERE id = 'm1'").get()).toEqual({ finish: null, seams: null, usage_estimated: 0 });
    db.prepare("UPDATE messages SET finish = 'length', seams = '[]', usage_estimated = 1 WHERE id = 'm1'").run();
    expect(() => db.prepare("UPDATE messages SET finish = 'stop' WHERE id = 'm1'").run()).toThrow(/CHECK/);
  });

  it('5 → 6: conversations gain their setup (title source, pin, system prompt), messages their compare, old rows reading as before', () => {
    const db = at(5);
    seed(db);
    migrate(db, MIGRATIONS, 6);
    expect(db.prepare("SELECT title, title_source, pinned_at, system_prompt FROM conversations WHERE id = 'c1'").get()).toEqual({ title: 'old', title_source: 'prompt', pinned_at: null, system_prompt: null });
    expect(db.prepare("SELECT compare_id, set_aside FROM messages WHERE id = 'm1'").get()).toEqual({ compare_id: null, set_aside: 0 });
    expect(() => db.prepare("UPDATE conversations SET title_source = 'guess' WHERE id = 'c1'").run()).toThrow(/CHECK/);
  });

  it('6 → 7: attempts gain their price list and the provider-reported cost; older costed rows name the catalog table they were costed with', () => {
    const db = at(6);
    seed(db);
    const insert = db.prepare('INSERT INTO attempts (message_id, source, provider, model, outcome, started_at, total_ms, cost_usd) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    insert.run('m2', 'chat', 'openai', 'gpt-4o-mini', 'ok', 1, 2, 0.0012);
    insert.run(null, 'cli', 'openai', 'gpt-4o-mini', 'error', 3, 4, null);
    migrate(db, MIGRATIONS, 7);
    expect(db.prepare('SELECT cost_usd, price_version, reported_cost_usd FROM attempts ORDER BY id').all()).toEqual([
      { cost_usd: 0.0012, price_version: 'catalog', reported_cost_usd: null },
      { cost_usd: null, price_version: null, reported_cost_usd: null },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 2 });
    expect(SCHEMA_VERSION).toBe(7);
  });

  it('refuses a database from a newer build instead of writing to it', () => {
    const db = at(SCHEMA_VERSION);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    expect(() => migrate(db, MIGRATIONS)).toThrow(/newer Switchboard/);
  });
});
