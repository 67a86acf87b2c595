/**
 * Brings a database to the schema version this build knows, one step at a
 * time, each in the same write transaction as its version bump: a crash
 * mid-step leaves the version before it, and two processes starting at once
 * take turns instead of both migrating.
 */
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  up: string;
}

export class NewerSchemaError extends Error {
  override readonly name = 'NewerSchemaError';
}

export function migrate(db: Database, migrations: readonly Migration[], target = migrations.length): void {
  const current = (): number => db.pragma('user_version', { simple: true }) as number;
  if (current() >= target) {
    if (current() > migrations.length) throw newer(current());
    return;
  }
  db.transaction(() => {
    const from = current();
    if (from > migrations.length) throw newer(from);
    for (const step of migrations) {
      if (step.version <= from || step.version > target) continue;
      db.exec(step.up);
      db.pragma(`user_version = ${step.version}`);
    }
  }).immediate();
}

function newer(version: number): NewerSchemaError {
  return new NewerSchemaError(`switchboard.db was written by a newer Switchboard (schema ${version}); update Switchboard to open it`);
}
