import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../../electron/main/core/store/db/storage-error.js';
import { freshStorage, message, tempDir } from './helpers.js';

const asRoot = process.getuid?.() === 0;

describe('opening switchboard.db', () => {
  it('runs in WAL with foreign keys and a busy timeout', () => {
    const s = freshStorage();
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
  });

  it.each([
    ['not a database at all', (path: string) => writeFileSync(path, 'this is not sqlite, just text '.repeat(200))],
    ['a damaged page', (path: string) => {
      const bytes = readFileSync(path);
      bytes.fill(0x5a, 4096, bytes.length);
      writeFileSync(path, bytes);
    }],
  ])('moves a damaged file (%s) aside with a notice naming it, and starts fresh', (_name, damage) => {
    const dir = tempDir();
    const first = freshStorage(dir);
    const c = first.conversations.create('before', 1);
    for (let i = 0; i < 50; i++) first.conversations.putMessage(message(c.id, `m${i}`, 'x'.repeat(500)));
    first.db.pragma('wal_checkpoint(TRUNCATE)');
    first.close();
    damage(join(dir, 'switchboard.db'));
    const again = freshStorage(dir);
    expect(again.persistent).toBe(true);
    const notice = again.notices.find((n) => n.id === 'storage.damaged');
    const aside = readdirSync(dir).find((f) => f.startsWith('switchboard.db.damaged-') && !f.endsWith('-wal') && !f.endsWith('-shm'));
    expect(aside).toBeDefined();
    expect(notice?.text).toContain(aside);
    expect(again.conversations.list()).toEqual([]);
    again.conversations.create('after', 2);
    expect(again.conversations.list()).toHaveLength(1);
  });

  it('checks a large file whose damage a query found at the next start, and sets it aside then', () => {
    const dir = tempDir();
    const first = freshStorage(dir);
    const c = first.conversations.create('big', 1);
    first.db.transaction(() => {
      for (let i = 0; i < 1200; i++) first.conversations.putMessage(message(c.id, `m${i}`, 'z'.repeat(4000)));
    })();
    first.db.pragma('wal_checkpoint(TRUNCATE)');
    first.close();
    const path = join(dir, 'switchboard.db');
    const bytes = readFileSync(path);
    expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
    bytes.fill(0x5a, Math.floor(bytes.length / 2));
    writeFileSync(path, bytes);
    // Too large to check every page at each start: the schema still reads.
    const damaged = freshStorage(dir);
    let thrown: unknown;
    try {
      damaged.conversations.get(c.id);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toMatch(/damaged: restart Switchboard/);
    damaged.close();
    const again = freshStorage(dir);
    expect(again.notices.map((n) => n.id)).toContain('storage.damaged');
    expect(existsSync(join(dir, 'switchboard.db.needs-check'))).toBe(false);
  });

  it('says another program holds the database locked, in words, once the busy timeout has passed', () => {
    const s = freshStorage();
    const other = new Database(join(s.dir, 'switchboard.db'));
    other.exec('BEGIN EXCLUSIVE');
    // The app waits BUSY_TIMEOUT_MS; a shorter wait keeps the test quick and changes nothing else.
    s.db.pragma('busy_timeout = 100');
    try {
      expect(() => s.conversations.create('x', 1)).toThrow(/another program is holding it locked/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(s.conversations.create('after', 2).title).toBe('after');
  });

  it('runs in memory with a notice when the data folder is not a folder', () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    const s = freshStorage(file);
    expect(s.persistent).toBe(false);
    expect(s.notices.map((n) => n.text).join(' ')).toMatch(/cannot use .*switchboard\.db.*kept in memory only/);
    expect(s.conversations.create('still works', 1).title).toBe('still works');
  });

  it('says the disk is full in words, and keeps what was saved', () => {
    const s = freshStorage();
    const c = s.conversations.create('saved', 1);
    s.conversations.putMessage(message(c.id, 'm1', 'kept'));
    const pages = s.db.pragma('page_count', { simple: true }) as number;
    s.db.pragma(`max_page_count = ${pages}`);
    let thrown: unknown;
    try {
      for (let i = 0; i < 100; i++) s.conversations.putMessage(message(c.id, `big${i}`, 'y'.repeat(8000)));
    } catch (error) {
      thrown = error;
    }
    expect(StorageError.is(thrown)).toBe(true);
    expect((thrown as Error).message).toMatch(/disk is full/);
    expect((thrown as Error).message).not.toMatch(/SQLITE_/);
    expect(s.conversations.get(c.id)!.messages[0]!.text).toBe('kept');
  });

  it.skipIf(asRoot)('runs in memory with a notice when the folder cannot hold a database', () => {
    const dir = tempDir();
    chmodSync(dir, 0o500);
    try {
      const s = freshStorage(dir);
      expect(s.persistent).toBe(false);
      expect(s.notices.map((n) => n.text).join(' ')).toMatch(/kept in memory only/);
      expect(s.conversations.create('still works', 1).title).toBe('still works');
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it.skipIf(asRoot)('keeps what is saved readable on a read-only file, and says why a new message cannot be saved', () => {
    const dir = tempDir();
    const s = freshStorage(dir);
    const c = s.conversations.create('saved', 1);
    s.conversations.putMessage(message(c.id, 'm1', 'kept'));
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    s.close();
    chmodSync(join(dir, 'switchboard.db'), 0o400);
    chmodSync(dir, 0o500);
    try {
      const ro = freshStorage(dir);
      expect(ro.conversations.get(c.id)?.messages.map((m) => m.text)).toEqual(['kept']);
      let thrown: unknown;
      try {
        ro.conversations.create('new', 2);
      } catch (error) {
        thrown = error;
      }
      expect(StorageError.is(thrown)).toBe(true);
      expect((thrown as Error).message).toMatch(/read-only/);
      expect((thrown as Error).message).not.toMatch(/SQLITE_/);
    } finally {
      chmodSync(dir, 0o700);
      chmodSync(join(dir, 'switchboard.db'), 0o600);
    }
    expect(existsSync(join(dir, 'switchboard.db'))).toBe(true);
  });
});
