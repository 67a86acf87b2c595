import { describe, expect, it } from 'vitest';
import type { ProviderView, ProviderHealth } from '../../../shared/providers.js';
import { SettingsSchema } from '../../../shared/settings.js';
import { addTaskType, removeTaskType } from '../../../renderer/src/lib/routing-edit.js';
import { headersFromRows, patchProvider } from '../../../renderer/src/lib/settings-edit.js';
import { hasUsableProvider } from '../../../renderer/src/lib/usable.js';
import { customTaskTypes } from '../../../renderer/src/lib/task-types.js';
import { EMPTY_FIGURES } from './health-fixture.js';

const empty = SettingsSchema.parse({});
const view = (id: string, over: Partial<ProviderView> = {}): ProviderView => ({
  id,
  kind: 'openai',
  name: id,
  baseURL: 'https://api.example.com/v1',
  enabled: true,
  models: [],
  key: { provider: id, source: 'none' },
  ...over,
});

describe('custom task types', () => {
  it('rejects ids the schema rejects, and ids already taken', () => {
    expect(addTaskType(empty, 'Legal Docs', '')).toBe('task type ids are lowercase letters, digits and dashes');
    expect(addTaskType(empty, 'code', '')).toBe('a task type "code" already exists');
  });

  it('adds an empty route the composer can offer, and removes it again', () => {
    const added = addTaskType(empty, 'legal', 'Legal');
    if (typeof added === 'string') throw new Error(added);
    expect(added.routes.legal).toEqual([]);
    expect(added.taskTypes.legal?.label).toBe('Legal');
    expect(customTaskTypes(added)).toEqual(['legal']);
    expect(customTaskTypes(removeTaskType(added, 'legal'))).toEqual([]);
  });
});

describe('provider edits', () => {
  it('creates a settings entry for a built-in provider the first time it is changed', () => {
    const next = patchProvider(empty, view('openai', { preset: 'openai' }), { enabled: false });
    expect(next.providers).toEqual([{ id: 'openai', kind: 'openai', preset: 'openai', enabled: false }]);
    expect(patchProvider(next, view('openai'), { enabled: true }).providers).toHaveLength(1);
  });

  it('drops header rows without a name', () => {
    expect(headersFromRows([{ name: ' X-Org ', value: 'a' }, { name: '', value: 'b' }])).toEqual({ 'X-Org': 'a' });
    expect(headersFromRows([])).toBeUndefined();
  });
});

describe('usable provider', () => {
  const health = (provider: string, state: ProviderHealth['state']): ProviderHealth => ({
    provider,
    name: provider,
    state,
    breaker: 'closed',
    ...EMPTY_FIGURES,
  });

  it('is false with no keys and Ollama unreachable, true with a key or a running Ollama', () => {
    const noKey = [view('openai'), view('ollama', { kind: 'ollama', key: { provider: 'ollama', source: 'not_needed' } })];
    expect(hasUsableProvider(noKey, [], false)).toBe(false);
    expect(hasUsableProvider(noKey, [], true)).toBe(true);
    const keyed = [view('openai', { key: { provider: 'openai', source: 'env', envVar: 'OPENAI_API_KEY' } })];
    expect(hasUsableProvider(keyed, [], false)).toBe(true);
    expect(hasUsableProvider(keyed, [health('openai', 'down')], false)).toBe(false);
  });
});
