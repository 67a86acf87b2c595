/**
 * The renderer's side of highlighting. The worker (and the grammars in it) loads
 * on the first code block, not with the app; results are cached per block text,
 * so a block scrolled back into view or re-rendered is not highlighted again.
 * Where a worker cannot start, the same code runs on the main thread, loaded lazily.
 */
import type { HighlightReply, HighlightRequest, HighlightTree } from './tree.js';

const CACHE_LIMIT = 300;
const cache = new Map<string, { pending: Promise<HighlightTree | undefined>; tree?: HighlightTree }>();
const waiting = new Map<number, (tree: HighlightTree | undefined) => void>();
let worker: Worker | null | undefined;
let nextId = 1;

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const w = new Worker(new URL('./highlight.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<HighlightReply>) => {
      waiting.get(e.data.id)?.(e.data.tree);
      waiting.delete(e.data.id);
    };
    w.onerror = () => {
      // The worker failed to load: answer what it held on the main thread from now on.
      worker = null;
      for (const resolve of waiting.values()) resolve(undefined);
      waiting.clear();
      cache.clear();
    };
    return w;
  } catch {
    return null;
  }
}

async function onMainThread(code: string, lang: string): Promise<HighlightTree | undefined> {
  const { highlightCode } = await import('./highlight-core.js');
  return highlightCode(code, lang);
}

function request(code: string, lang: string): Promise<HighlightTree | undefined> {
  if (worker === undefined) worker = startWorker();
  const w = worker;
  if (!w) return onMainThread(code, lang);
  return new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    w.postMessage({ id, code, lang } satisfies HighlightRequest);
  });
}

const keyOf = (code: string, lang: string): string => `${lang}\u0000${code}`;

/** A tree already highlighted, so a block rendered again shows its colours in its first paint. */
export function highlighted(code: string, lang: string): HighlightTree | undefined {
  return cache.get(keyOf(code, lang))?.tree;
}

export function highlight(code: string, lang: string): Promise<HighlightTree | undefined> {
  const key = keyOf(code, lang);
  const hit = cache.get(key);
  if (hit) {
    // Refresh its place: the cache drops the least recently used block first.
    cache.delete(key);
    cache.set(key, hit);
    return hit.pending;
  }
  const entry: { pending: Promise<HighlightTree | undefined>; tree?: HighlightTree } = {
    pending: request(code, lang).then((tree) => {
      if (tree) entry.tree = tree;
      return tree;
    }),
  };
  cache.set(key, entry);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return entry.pending;
}
