import { describe, expect, test } from 'vitest';
import { listPresets } from '../../../electron/main/core/providers/catalog/catalog.js';
import { CATALOG_SUMMARY } from '../../../shared/catalog-summary.js';

describe("the renderer's catalog summary", () => {
  test('offers every preset main knows, in the same order', () => {
    expect(CATALOG_SUMMARY.map((e) => e.id)).toEqual(listPresets().map((p) => p.id));
  });

  test('says which hosts need a key and which run locally', () => {
    const byId = new Map(CATALOG_SUMMARY.map((e) => [e.id, e]));
    expect(byId.get('openai')).toMatchObject({ kind: 'openai', baseURL: 'https://api.openai.com/v1', keyEnvVars: ['OPENAI_API_KEY'], local: false });
    expect(byId.get('ollama')).toMatchObject({ kind: 'ollama', keyEnvVars: [], local: true });
    expect(byId.get('custom')?.local).toBe(false);
  });
});
