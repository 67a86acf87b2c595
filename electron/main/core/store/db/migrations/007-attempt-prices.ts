/**
 * Version 7: each attempt names the price list its cost was estimated with
 * (`genai-prices@0.1.8`, `override`, `catalog`, `free`), so a figure stays
 * explainable after the list is refreshed, and keeps the cost the provider
 * itself reported (OpenRouter's `usage.cost`) beside the estimate. Rows from
 * before have neither: their price list was the catalog's pinned table.
 */
import type { Migration } from '../migrate.js';

export const attemptPrices: Migration = {
  version: 7,
  up: `
    ALTER TABLE attempts ADD COLUMN price_version TEXT;
    ALTER TABLE attempts ADD COLUMN reported_cost_usd REAL;
    UPDATE attempts SET price_version = 'catalog' WHERE cost_usd IS NOT NULL;
  `,
};
