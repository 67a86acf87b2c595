import { describe, expect, test } from 'vitest';
import { listPresets } from '../../../electron/main/core/providers/catalog/catalog.js';
import { CATALOG_SUMMARY } from '../../../shared/catalog-summary.js';

describe("the renderer's catalog summary", () => {
  test('lists exactly the presets main knows, in the same order, with the same id, name, kind, URL and key variables', () => {
    const fromMain = listPresets().map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      baseURL: p.baseURL,
      keyEnvVars: p.keyEnvVars,
      local: p.local ?? false,
    }));
    expect(CATALOG_SUMMARY).toEqual(fromMain);
  });
});
