/**
 * The storage figures a user feels, measured in the core against a real
 * switchboard.db in a temporary folder: opening a 10,000-message conversation
 * (its latest page, with attempts), a search over 100,000 messages in several
 * scripts, one streaming checkpoint, one attempt insert, and the bytes on disk
 * per 1,000 messages. Messages are inserted as the chat service stores them:
 * the question, then the answer with its trace, and one attempt each.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Message } from '../../shared/chat.js';
import { openStorage, type Storage } from '../../electron/main/core/store/storage.js';
import { ms, percentile } from '../stats.js';

export interface StorageFigures {
  openConversation10kMs: number;
  openConversation10kMsFirst: number;
  searchMsP50At100k: number;
  searchMsP95At100k: number;
  searchShortTermMsP50At100k: number;
  /** Each query's median and how many of the messages contain it, to show what a slow one costs. */
  searchByQuery: { query: string; msP50: number; matching: number }[];
  checkpointCostUsP50: number;
  attemptInsertUsP50: number;
  dbBytesPer1kMessages: number;
}

/** Words of other scripts, sprinkled through the text about once per 150 words. */
const FOREIGN = ['报销流程', '数据库', '用户', '配置', 'データベース', '設定', '데이터베이스', '설정', 'настроить', 'базу', 'данных', 'привет'];
const TRACE = { taskType: 'general', taskReason: 'auto → general: no strong signal', strategy: 'priority', considered: [{ provider: 'gpt', model: 'gpt-4o-mini' }], skipped: [] };

/** A deterministic generator, so every run searches the same corpus. */
function lcg(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

/** 20,000 made-up words, drawn with Zipf frequencies as words in real text are. */
const VOCABULARY = (() => {
  const next = lcg(7);
  const syllables = ['ka', 'lo', 'mi', 'ter', 'on', 'sa', 'ri', 'ven', 'da', 'pu', 'nel', 'qu', 'is', 'tor', 'ba', 'em'];
  const words = Array.from({ length: 20_000 }, () => Array.from({ length: 2 + Math.floor(next() * 3) }, () => syllables[Math.floor(next() * syllables.length)]).join(''));
  let total = 0;
  const cumulative = words.map((_, rank) => (total += 1 / (rank + 1)));
  return { words, cumulative, total };
})();

function word(next: () => number): string {
  if (next() < 1 / 150) return FOREIGN[Math.floor(next() * FOREIGN.length)] as string;
  const target = next() * VOCABULARY.total;
  let lo = 0;
  let hi = VOCABULARY.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((VOCABULARY.cumulative[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY.words[lo] as string;
}

function textOf(seed: number, words: number): string {
  const next = lcg(seed * 2654435761);
  return Array.from({ length: words }, () => word(next)).join(' ');
}

/** What people search for: distinctive words (neither the commonest nor unseen), in several scripts. */
const QUERIES = [
  ...[150, 400, 900, 1500, 3000].map((rank) => VOCABULARY.words[rank] as string),
  `${VOCABULARY.words[300]} ${VOCABULARY.words[700]}`,
  '报销流程', 'データベース', 'настроить базу', '데이터베이스',
];
const SHORT_QUERIES = ['用户', '設定', 'ka'];

/** Fills a conversation with `pairs` question/answer pairs, each answer with one attempt. */
function fill(s: Storage, conversationId: string, pairs: number, offset: number): void {
  s.db.transaction(() => {
    for (let i = 0; i < pairs; i++) {
      const n = offset + i;
      const at = 1_700_000_000_000 + n * 1000;
      s.conversations.putMessage({ id: `q${n}`, conversationId, role: 'user', text: textOf(n, 12), createdAt: at, status: 'done' });
      const answer: Message = {
        id: `a${n}`, conversationId, role: 'assistant', text: textOf(n + 7, 60), createdAt: at + 1, status: 'done',
        provider: 'gpt', model: 'gpt-4o-mini', usage: { inputTokens: 40, outputTokens: 120 }, costUsd: 0.0001, ttftMs: 300, latencyMs: 1200, trace: TRACE,
      };
      s.conversations.putMessage(answer);
      s.attempts.record({
        attempt: { provider: 'gpt', model: 'gpt-4o-mini', outcome: 'ok', startedAt: at, ms: 1200, ttftMs: 300, usage: { inputTokens: 40, outputTokens: 120 }, costUsd: 0.0001 },
        source: 'chat', messageId: answer.id, taskType: 'general', fallback: false, quota: { requests: 1, tokens: 160 },
      });
    }
  }).immediate();
}

function countMatches(s: Storage, query: string): number {
  const phrase = query.split(' ').map((t) => `"${t}"`).join(' AND ');
  return s.db.prepare('SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?').pluck().get(phrase) as number;
}

function timeEach(runs: number, fn: (i: number) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn(i);
    out.push(performance.now() - started);
  }
  return out;
}

export function runStorage(log: (text: string) => void): StorageFigures {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-db-'));
  try {
    let s = openStorage(dir);
    log('storage: one conversation of 10,000 messages');
    const long = s.conversations.create('long', 0);
    fill(s, long.id, 5_000, 0);
    s.close();
    s = openStorage(dir);
    const [first] = timeEach(1, () => s.conversations.get(long.id));
    const open = timeEach(30, () => s.conversations.get(long.id));

    log('storage: 90,000 more messages in 450 conversations, then search');
    for (let c = 0; c < 450; c++) fill(s, s.conversations.create(`c${c}`, 0).id, 100, 5_000 + c * 100);
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    const messages = s.db.prepare('SELECT count(*) FROM messages').pluck().get() as number;
    const bytes = statSync(s.path).size;
    const perQuery = QUERIES.map((q) => ({ q, times: timeEach(5, () => s.search(q, 20)), matching: countMatches(s, q) }));
    const search = perQuery.flatMap((p) => p.times);
    const short = SHORT_QUERIES.flatMap((q) => timeEach(5, () => s.search(q, 20)));

    log('storage: checkpoints and attempt inserts');
    const c = s.conversations.create('stream', 0);
    s.conversations.putMessage({ id: 'live', conversationId: c.id, role: 'assistant', text: '', createdAt: 0, status: 'streaming' });
    // A checkpoint every 250 ms of a 4 KB answer: the text grows by a chunk each time.
    const checkpoint = timeEach(400, (i) => s.conversations.checkpoint('live', textOf(i, 10 + i)));
    const insert = timeEach(1000, (i) =>
      s.attempts.record({
        attempt: { provider: 'gpt', model: 'gpt-4o-mini', outcome: 'ok', startedAt: Date.now(), ms: 900 + i, ttftMs: 200, usage: { inputTokens: 10, outputTokens: 20 }, costUsd: 0.00001 },
        source: 'cli', fallback: false, quota: { requests: 1, tokens: 30 },
      }),
    );
    s.close();
    return {
      openConversation10kMs: ms(percentile(open, 50)),
      openConversation10kMsFirst: ms(first as number),
      searchMsP50At100k: ms(percentile(search, 50)),
      searchMsP95At100k: ms(percentile(search, 95)),
      searchShortTermMsP50At100k: ms(percentile(short, 50)),
      searchByQuery: perQuery.map((p) => ({ query: p.q, msP50: ms(percentile(p.times, 50)), matching: p.matching })),
      checkpointCostUsP50: Math.round(percentile(checkpoint, 50) * 1000),
      attemptInsertUsP50: Math.round(percentile(insert, 50) * 1000),
      dbBytesPer1kMessages: Math.round((bytes / messages) * 1000),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
