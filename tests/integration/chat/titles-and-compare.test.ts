/**
 * Titles: made from the prompt without its markdown, then asked of the `cheap`
 * route after the first answer, never replacing a user's rename. Compare: one
 * question to three targets at once, one failing on its own, each recorded as a
 * `compare` attempt, and the picked answer alone continuing the conversation.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../shared/chat.js';
import { createCore, type Core } from '../../../electron/main/core/app-core.js';
import { MemorySecretStore } from '../../../electron/main/core/secrets/memory-secret-store.js';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';

const KEY = 'sk-test-titles-0123456789abcdef';
let gpt: FakeProvider;
let claude: FakeProvider;
let broken: FakeProvider;
let core: Core;
const updated: ConversationSummary[] = [];
const ctx = { senderId: 1 };

/** The title request is the one whose system turn names conversations. */
const namesChats = (req: { messages: { role: string; content: string }[] }) => req.messages.some((m) => m.role === 'system' && /name conversations/.test(m.content));

beforeAll(async () => {
  gpt = await startFakeProvider({
    protocol: 'openai',
    apiKey: KEY,
    reply: (req) => (namesChats(req) ? 'Title: "Monads explained simply."' : `Echo: ${req.messages[req.messages.length - 1]?.content ?? ''}`),
  });
  claude = await startFakeProvider({ protocol: 'anthropic', apiKey: KEY });
  broken = await startFakeProvider({ protocol: 'openai', apiKey: KEY });
  broken.always({ type: 'status', status: 500 });
  const file = join(mkdtempSync(join(tmpdir(), 'sb-titles-')), 'config.json');
  writeFileSync(
    file,
    JSON.stringify({
      providers: [
        { id: 'gpt', kind: 'openai', baseURL: gpt.baseURL, apiKeyEnv: 'TITLE_KEY', models: ['gpt-4o-mini'] },
        { id: 'claude', kind: 'anthropic', baseURL: claude.baseURL, apiKeyEnv: 'TITLE_KEY', models: ['claude-haiku-4-5'] },
        { id: 'broken', kind: 'openai-compatible', baseURL: broken.baseURL, apiKeyEnv: 'TITLE_KEY', models: ['m1'] },
      ],
      routes: { general: [{ provider: 'gpt', model: 'gpt-4o-mini' }], cheap: [{ provider: 'gpt', model: 'gpt-4o-mini' }] },
    }),
  );
  core = await createCore({
    host: 'web',
    dataDir: mkdtempSync(join(tmpdir(), 'sb-titles-data-')),
    configFile: file,
    version: '0.0.0-test',
    env: { TITLE_KEY: KEY },
    secretStore: new MemorySecretStore(),
    online: () => true,
  });
  core.events.subscribe((name, payload) => {
    if (name === 'conversations.updated') updated.push((payload as { conversation: ConversationSummary }).conversation);
  });
});
afterAll(async () => {
  await core.close();
  await Promise.all([gpt, claude, broken].map((f) => f.close()));
});

async function until<T>(read: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out');
}

describe('conversation titles', () => {
  it('start from the prompt without markdown, then become the cheap route\'s title after the first answer', async () => {
    const sent = core.chat.send({ text: 'Fix this: ```js\nconst x = monad()\n```', taskType: 'auto' });
    expect(core.storage.conversations.summary(sent.conversationId)?.title).toBe('Fix this: const x = monad()');
    await sent.finished;
    const titled = await until(() => updated.find((c) => c.id === sent.conversationId));
    expect(titled).toMatchObject({ title: 'Monads explained simply', titleSource: 'generated' });
    // The second answer asks for no title again.
    const asked = gpt.requests.filter(namesChats).length;
    await core.chat.send({ conversationId: sent.conversationId, text: 'And again?', taskType: 'auto' }).finished;
    expect(gpt.requests.filter(namesChats).length).toBe(asked);
  });

  it('a rename is the user\'s: a title generated later never replaces it', async () => {
    const sent = core.chat.send({ text: 'What is a functor?', taskType: 'auto' });
    const renamed = await core.handlers['conversations.update']({ id: sent.conversationId, title: 'My functor notes' }, ctx);
    expect(renamed).toMatchObject({ title: 'My functor notes', titleSource: 'user' });
    await sent.finished;
    await new Promise((r) => setTimeout(r, 50));
    expect(core.storage.conversations.summary(sent.conversationId)?.title).toBe('My functor notes');
  });

  it('when the cheap route fails, the prompt\'s own title stays and the chat shows no error', async () => {
    gpt.script({ type: 'none' }, { type: 'status', status: 500 });
    const sent = core.chat.send({ text: '# Plan my **week** please, with a [list](http://x.test)', taskType: 'auto' });
    expect((await sent.finished).status).toBe('done');
    await until(() => (gpt.requests.filter(namesChats).length > 0 ? true : undefined));
    await new Promise((r) => setTimeout(r, 50));
    expect(core.storage.conversations.summary(sent.conversationId)).toMatchObject({ title: 'Plan my week please, with a list', titleSource: 'prompt' });
  });

  it('pin and unpin', async () => {
    const [first] = core.storage.conversations.list();
    const pinned = await core.handlers['conversations.update']({ id: first!.id, pinned: true }, ctx);
    expect(pinned.pinnedAt).toBeTypeOf('number');
    expect((await core.handlers['conversations.update']({ id: first!.id, pinned: false }, ctx)).pinnedAt).toBeUndefined();
  });
});

describe('compare mode', () => {
  it('three targets in parallel, one failing alone; each a compare attempt; the picked answer continues the chat', async () => {
    const started = core.chat.compare({
      text: 'Compare me',
      taskType: 'auto',
      targets: [
        { provider: 'gpt', model: 'gpt-4o-mini' },
        { provider: 'claude', model: 'claude-haiku-4-5' },
        { provider: 'broken', model: 'm1' },
      ],
    });
    const answers = await started.finished;
    expect(answers.map((a) => [a.provider ?? a.attempts?.[0]?.provider, a.status])).toEqual([
      ['gpt', 'done'],
      ['claude', 'done'],
      ['broken', 'error'],
    ]);
    expect(answers.every((a) => a.setAside && a.compareId === started.compareId)).toBe(true);
    // No fallback: the failing column tried only its own target.
    expect(answers[2]?.attempts?.map((a) => a.provider)).toEqual(['broken']);
    core.storage.attempts.flush();
    const sources = core.storage.db
      .prepare('SELECT provider, source FROM attempts WHERE message_id IN (?, ?, ?) ORDER BY provider')
      .all(...answers.map((a) => a.id));
    expect(sources).toEqual([
      { provider: 'broken', source: 'compare' },
      { provider: 'claude', source: 'compare' },
      { provider: 'gpt', source: 'compare' },
    ]);
    // A failed column cannot be picked; a finished one can.
    expect((await core.handlers['compare.pick']({ conversationId: started.conversationId, compareId: started.compareId, messageId: answers[2]!.id }, ctx)).picked).toBe(false);
    expect((await core.handlers['compare.pick']({ conversationId: started.conversationId, compareId: started.compareId, messageId: answers[1]!.id }, ctx)).picked).toBe(true);
    expect(core.storage.conversations.summary(started.conversationId)?.stickyProvider).toBe('claude');

    await core.chat.send({ conversationId: started.conversationId, text: 'Go on', taskType: 'auto', provider: 'gpt', model: 'gpt-4o-mini' }).finished;
    const history = gpt.requests[gpt.requests.length - 1]!.messages.filter((m) => m.role !== 'system');
    expect(history.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(history[1]?.content).toBe(answers[1]?.text);
    // The others are kept for reference.
    const stored = core.storage.conversations.get(started.conversationId)!.messages;
    expect(stored.filter((m) => m.setAside).map((m) => m.id)).toEqual([answers[0]!.id, answers[2]!.id]);
  });

  it('each column stops on its own', async () => {
    const slow = core.chat.compare({
      text: 'x'.repeat(400),
      taskType: 'auto',
      targets: [
        { provider: 'gpt', model: 'gpt-4o-mini' },
        { provider: 'claude', model: 'claude-haiku-4-5' },
      ],
    });
    expect(core.chat.cancel(slow.answers[0]!.messageId)).toBe(true);
    const [stopped, other] = await slow.finished;
    expect(stopped?.status).toBe('cancelled');
    expect(other?.status).toBe('done');
  });
});
