/** Drafts, recalled prompts and dismissed banners against a window storage that behaves as the browser's does. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Client } from '../../../renderer/src/client/client.js';
import { draftWriter, EMPTY_DRAFT, loadDraft } from '../../../renderer/src/lib/drafts.js';
import { loadPromptHistory, rememberPrompt } from '../../../renderer/src/lib/prompt-history.js';
import { createNoticesStore } from '../../../renderer/src/store/notices-store.js';

/** Like a browser's: strings only, and a quota that throws when passed. */
class WindowStorage {
  private items = new Map<string, string>();
  constructor(private quotaChars = 5_000_000) {}
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.items].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0);
    if (used + k.length + v.length > this.quotaChars) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(k, String(v));
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

describe('what the window keeps', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('localStorage', new WindowStorage(100_000));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('keeps a draft per conversation after a pause in typing, and forgets an empty one', () => {
    const w = draftWriter('c1');
    w.change({ text: 'hal', pasted: [] });
    w.change({ text: 'half a thought', pasted: ['a long paste'] });
    expect(loadDraft('c1')).toEqual(EMPTY_DRAFT);
    vi.advanceTimersByTime(500);
    expect(loadDraft('c1')).toEqual({ text: 'half a thought', pasted: ['a long paste'] });
    expect(loadDraft(undefined)).toEqual(EMPTY_DRAFT);
    w.change(EMPTY_DRAFT);
    w.flush();
    expect(loadDraft('c1')).toEqual(EMPTY_DRAFT);
  });

  it('loses nothing on screen when a draft is over the quota', () => {
    const w = draftWriter('c1');
    w.change({ text: 'x'.repeat(200_000), pasted: [] });
    expect(() => w.flush()).not.toThrow();
    expect(loadDraft('c1')).toEqual(EMPTY_DRAFT);
  });

  it('recalls prompts newest first, a repeat moved to the front, a huge one not kept', () => {
    rememberPrompt('one');
    rememberPrompt('two');
    rememberPrompt('one');
    rememberPrompt('y'.repeat(30_000));
    expect(loadPromptHistory()).toEqual(['one', 'two']);
  });

  it('keeps a dismissed notice dismissed in a new window, unless its text changed', async () => {
    const notice = { id: 'storage.damaged', level: 'warning' as const, text: 'moved aside' };
    const client = { call: async () => ({ notices: [notice] }) } as unknown as Pick<Client, 'call'>;
    const first = createNoticesStore(client);
    await first.getState().loadInfo();
    first.getState().dismiss('storage.damaged');
    const second = createNoticesStore(client);
    await second.getState().loadInfo();
    expect(second.getState().notices).toEqual([]);
    second.getState().add({ ...notice, text: 'moved aside again, later' });
    expect(second.getState().notices).toHaveLength(1);
  });
});
