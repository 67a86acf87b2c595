/**
 * Version 4: the router's memory (breakers, cooldowns, flagged models, budget
 * notices shown), one row per key so two processes updating different
 * providers do not overwrite each other.
 */
import type { Migration } from '../migrate.js';

export const routerState: Migration = {
  version: 4,
  up: `
    CREATE TABLE router_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at INTEGER NOT NULL);
  `,
};
