import { describe, expect, it } from 'vitest';
import { freshStorage, message } from './helpers.js';

function seeded() {
  const s = freshStorage();
  const c = s.conversations.create('Trip planning', 1);
  const texts = [
    'Please file the 报销流程 before Friday',
    '用户 asked about the database migration',
    'Привет, как настроить базу данных?',
    'データベースの設定を教えてください',
    '데이터베이스 설정 방법',
    'The DB is slow; the database needs an index. Database tuning again.',
  ];
  texts.forEach((text, i) => s.conversations.putMessage(message(c.id, `m${i}`, text, { role: i % 2 ? 'assistant' : 'user', createdAt: i })));
  return { s, c };
}

const slice = (hit: { snippet: string; ranges: [number, number][] }) => hit.ranges.map(([a, b]) => hit.snippet.slice(a, b));

describe('search', () => {
  it('finds English, Chinese, Japanese, Korean and Russian text, with ranges that point at the matches', () => {
    const { s, c } = seeded();
    const en = s.search('database');
    expect(en[0]!.messageId).toBe('m5'); // three matches rank above one
    expect(en.map((h) => h.messageId).sort()).toEqual(['m1', 'm5']);
    expect(slice(en[0]!)).toEqual(['database', 'Database']);
    expect(en[0]).toMatchObject({ conversationId: c.id, conversationTitle: 'Trip planning', role: 'assistant' });
    for (const [query, id] of [['报销流', 'm0'], ['データベース', 'm3'], ['데이터베이스', 'm4'], ['базу данных', 'm2']] as const) {
      const hits = s.search(query);
      expect(hits.map((h) => h.messageId), query).toEqual([id]);
      expect(slice(hits[0]!).join(' '), query).toBe(query);
    }
  });

  it('finds one- and two-character terms that the trigram index cannot', () => {
    const { s } = seeded();
    expect(s.search('用户').map((h) => h.messageId)).toEqual(['m1']);
    expect(slice(s.search('用户')[0]!)).toEqual(['用户']);
    expect(s.search('报').map((h) => h.messageId)).toEqual(['m0']);
    expect(s.search('DB').map((h) => h.messageId)).toEqual(['m5']);
    // A short term with a long one filters the index's hits.
    expect(s.search('用户 database').map((h) => h.messageId)).toEqual(['m1']);
  });

  it('indexes an answer once it ends, and forgets deleted conversations', () => {
    const { s, c } = seeded();
    s.conversations.putMessage(message(c.id, 'live', '', { status: 'streaming' }));
    s.conversations.checkpoint('live', 'a streaming zebra');
    expect(s.search('zebra')).toEqual([]);
    s.conversations.putMessage(message(c.id, 'live', 'a streaming zebra, finished'));
    expect(s.search('zebra').map((h) => h.messageId)).toEqual(['live']);
    s.conversations.delete(c.id);
    expect(s.search('zebra')).toEqual([]);
    expect(s.search('database')).toEqual([]);
  });

  it('treats query syntax as text', () => {
    const { s, c } = seeded();
    s.conversations.putMessage(message(c.id, 'q', 'he said "NEAR(x y)" AND OR * ^ 100% _done_'));
    for (const query of ['"NEAR(x', 'AND OR *', '100%', '_done_', '"']) {
      expect(() => s.search(query)).not.toThrow();
    }
    expect(s.search('100%').map((h) => h.messageId)).toEqual(['q']);
    expect(s.search('"NEAR(x').map((h) => h.messageId)).toEqual(['q']);
  });

  it('cuts a long message to a snippet around the first match, ranges inside it', () => {
    const { s, c } = seeded();
    s.conversations.putMessage(message(c.id, 'long', `${'filler '.repeat(200)}needle${' tail'.repeat(200)}`));
    const [hit] = s.search('needle');
    expect(hit!.snippet.length).toBeLessThan(210);
    expect(hit!.snippet.startsWith('…')).toBe(true);
    expect(slice(hit!)).toEqual(['needle']);
  });
});
