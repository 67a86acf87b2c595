/**
 * Version 2: one row per call to a provider, whatever started it. Usage, quotas,
 * budgets and recent latency are read from here, so they cannot disagree with it.
 */
import type { Migration } from '../migrate.js';

export const attempts: Migration = {
  version: 2,
  up: `
    CREATE TABLE attempts (
      id INTEGER PRIMARY KEY,
      -- Kept when its conversation is deleted: spend and quotas must not reset with it.
      message_id TEXT REFERENCES messages(id) ON DELETE SET NULL,
      source TEXT NOT NULL CHECK (source IN ('chat', 'compare', 'cli', 'api', 'probe')),
      provider TEXT NOT NULL,
      model TEXT NOT NULL,
      task_type TEXT,
      outcome TEXT NOT NULL,
      error_kind TEXT,
      http_status INTEGER,
      error_message TEXT,
      request_id TEXT,
      started_at INTEGER NOT NULL,
      ttft_ms REAL,
      total_ms REAL NOT NULL,
      tokens_in INTEGER,
      tokens_out INTEGER,
      cost_usd REAL,
      fallback INTEGER NOT NULL DEFAULT 0,
      hedge INTEGER NOT NULL DEFAULT 0,
      continuation INTEGER NOT NULL DEFAULT 0,
      -- What this call counts against the provider's daily quota: tokens (estimated when
      -- the provider sent no usage) and one request (never for the local model).
      quota_tokens INTEGER NOT NULL DEFAULT 0,
      quota_requests INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX attempts_by_time ON attempts(started_at);
    CREATE INDEX attempts_by_provider ON attempts(provider, started_at);
    CREATE INDEX attempts_by_message ON attempts(message_id);
  `,
};
