/**
 * The turn is never confused, through the real core, router and OpenAI SDK against
 * the fake provider: regenerate in place (same route or another provider), edit the
 * last question or an earlier one, stop keeps what a stopped answer knows, a second send while one
 * streams is refused, earlier partial answers reach the next model marked as such,
 * and a stream carried on by another provider records its seam.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core/app-core.js';
import { MemorySecretStore } from '../../../electron/main/core/secrets/memory-secret-store.js';
import type { Message } from '../../../shared/chat.js';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';

describe('chat turns', () => {
  let a: FakeProvider;
  let b: FakeProvider;
  let core: Core;

  beforeAll(async () => {
    a = await startFakeProvider({ protocol: 'openai', apiKey: 'sk-a-test-key' });
    b = await startFakeProvider({ protocol: 'openai', apiKey: 'sk-b-test-key', reply: () => 'Answer from b.' });
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-turns-'));
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({
        providers: [
          { id: 'alpha', kind: 'openai-compatible', baseURL: a.baseURL, apiKeyEnv: 'ALPHA_KEY', models: ['m-a'] },
          { id: 'beta', kind: 'openai-compatible', baseURL: b.baseURL, apiKeyEnv: 'BETA_KEY', models: ['m-b'] },
        ],
        routes: { general: [{ provider: 'alpha', model: 'm-a' }, { provider: 'beta', model: 'm-b' }], cheap: [{ provider: 'alpha', model: 'm-a' }] },
        taskTypes: { cheap: { maxOutputTokens: 3 } },
      }),
    );
    core = await createCore({ host: 'cli', dataDir, version: 'test', env: { ALPHA_KEY: 'sk-a-test-key', BETA_KEY: 'sk-b-test-key' }, secretStore: new MemorySecretStore(), online: () => true });
  });

  afterEach(() => {
    a.always(undefined);
    a.reset();
    b.reset();
  });

  afterAll(async () => {
    await core?.close();
    await a?.close();
    await b?.close();
  });

  const send = (text: string, conversationId?: string) => core.chat.send({ text, taskType: 'general', ...(conversationId ? { conversationId } : {}) });
  const messagesOf = async (id: string): Promise<Message[]> => (await core.handlers['conversations.get']({ id }, { senderId: 1 })).messages;

  it('regenerates an answer in place, on its route or on a chosen provider', async () => {
    const sent = send('first question');
    const first = await sent.finished;
    expect(first.text).toBe('Echo: first question');

    const again = core.chat.regenerate({ conversationId: sent.conversationId, messageId: first.id });
    expect(again.assistantMessageId).toBe(first.id);
    expect((await again.finished).text).toBe('Echo: first question');
    // The model is asked the question again, not shown its own old answer.
    expect(a.requests.at(-1)?.messages.map((m) => m.role)).toEqual(['user']);

    const onBeta = core.chat.regenerate({ conversationId: sent.conversationId, messageId: first.id, provider: 'beta', model: 'm-b' });
    const answered = await onBeta.finished;
    expect([answered.provider, answered.model, answered.text]).toEqual(['beta', 'm-b', 'Answer from b.']);
    const stored = await messagesOf(sent.conversationId);
    expect(stored.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(stored[1]?.text).toBe('Answer from b.');
    // The answer shows the attempts of its latest run; the ledger still counts all three calls.
    expect(stored[1]?.attempts?.map((x) => x.provider)).toEqual(['beta']);
    const calls = core.storage.db.prepare('SELECT count(*) AS n FROM attempts WHERE started_at >= ?').get(first.createdAt) as { n: number };
    expect(calls.n).toBe(3);
  });

  it('edits the last question and answers it again in place', async () => {
    const sent = send('a typo questoin');
    const answer = await sent.finished;
    const edited = core.chat.edit({ conversationId: sent.conversationId, messageId: sent.userMessage.id, text: 'a fixed question' });
    expect(edited.assistantMessageId).toBe(answer.id);
    expect((await edited.finished).text).toBe('Echo: a fixed question');
    const stored = await messagesOf(sent.conversationId);
    expect(stored.map((m) => m.text)).toEqual(['a fixed question', 'Echo: a fixed question']);
  });

  it('edits an earlier question: the chat starts over from there, and what followed is removed (its calls stay counted)', async () => {
    const first = send('the first question');
    await first.finished;
    const second = send('a follow-up about the first answer', first.conversationId);
    await second.finished;
    const callsBefore = (core.storage.db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n;

    const edited = core.chat.edit({ conversationId: first.conversationId, messageId: first.userMessage.id, text: 'a different first question' });
    expect(edited.assistantMessageId).toBe(first.assistantMessageId);
    expect((await edited.finished).text).toBe('Echo: a different first question');
    // The model sees the edited question alone, not the follow-up that answered its old text.
    expect(a.requests.at(-1)?.messages.map((m) => m.content)).toEqual(['a different first question']);
    const stored = await messagesOf(first.conversationId);
    expect(stored.map((m) => m.text)).toEqual(['a different first question', 'Echo: a different first question']);
    const calls = (core.storage.db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n;
    expect(calls).toBe(callsBefore + 1);
    const { hits } = await core.handlers['conversations.search']({ query: 'follow-up about' }, { senderId: 1 });
    expect(hits.filter((h) => h.conversationId === first.conversationId)).toEqual([]);
  });

  it('refuses a second send while an answer streams, and a stopped answer keeps its provider, tokens and timings', async () => {
    a.always({ type: 'slow-tokens', delayMs: 30 });
    const sent = send('please stream slowly for a while so it can be stopped');
    await expect.poll(() => core.handlers['conversations.get']({ id: sent.conversationId }, { senderId: 1 }).then(() => a.requests.length)).toBe(1);
    expect(() => send('an impatient second Enter', sent.conversationId)).toThrow(/still streaming/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    core.chat.cancel(sent.assistantMessageId);
    const stopped = await sent.finished;
    expect(stopped.status).toBe('cancelled');
    expect(stopped.text.length).toBeGreaterThan(0);
    expect([stopped.provider, stopped.model]).toEqual(['alpha', 'm-a']);
    expect(stopped.usage?.outputTokens).toBeGreaterThan(0);
    expect(stopped.ttftMs).toBeGreaterThanOrEqual(0);
    expect(stopped.latencyMs).toBeGreaterThan(stopped.ttftMs ?? 0);
    const kept = (await messagesOf(sent.conversationId)).at(-1);
    expect(kept).toMatchObject({ status: 'cancelled', provider: 'alpha', usage: stopped.usage, usageEstimated: stopped.usageEstimated });

    a.always(undefined);
    await send('and now?', sent.conversationId).finished;
    const history = a.requests.at(-1)?.messages ?? [];
    expect(history.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(history[1]?.content.startsWith(stopped.text)).toBe(true);
    expect(history[1]?.content).toMatch(/stopped by the user/);
  });

  it('asks for the route\'s output limit and says when an answer ended there', async () => {
    const cut = await core.chat.send({ text: 'a question whose answer is longer than three chunks', taskType: 'cheap' }).finished;
    expect(a.requests.at(-1)?.body.max_tokens).toBe(3);
    expect(cut.finish).toBe('length');
    expect(cut.text).toBe('Echo: a ques');
    expect((await messagesOf(cut.conversationId)).at(-1)?.finish).toBe('length');
  });

  it('records where another provider carried a broken stream on', async () => {
    a.script({ type: 'error-mid-stream', afterChunks: 3 });
    const done = await send('break in the middle please').finished;
    expect(done.status).toBe('done');
    expect(done.seams).toHaveLength(1);
    expect(done.seams?.[0]).toMatchObject({ from: 'alpha', to: 'beta' });
    expect(done.seams?.[0]?.at).toBe(12); // three 4-character chunks came from alpha
    expect((await messagesOf(done.conversationId)).at(-1)?.seams).toEqual(done.seams);
  });

  it('stops an answer streaming in a conversation that is deleted, and saves nothing into it after', async () => {
    a.always({ type: 'slow-tokens', delayMs: 30 });
    const sent = send('stream slowly while I delete this conversation');
    await expect.poll(() => a.requests.length).toBe(1);
    const notices: unknown[] = [];
    const off = core.events.subscribe((name, payload) => {
      if (name === 'notice') notices.push(payload);
    });
    expect(await core.handlers['conversations.delete']({ id: sent.conversationId }, { senderId: 1 })).toEqual({ deleted: true });
    expect((await sent.finished).status).toBe('cancelled');
    expect(core.storage.conversations.summary(sent.conversationId)).toBeUndefined();
    expect(core.storage.db.prepare('SELECT count(*) AS n FROM messages WHERE conversation_id = ?').get(sent.conversationId)).toEqual({ n: 0 });
    off();
    expect(notices).toEqual([]);
  });

  it('deletes one message, but not an answer still streaming', async () => {
    const first = send('keep this one');
    await first.finished;
    const second = send('delete my answer', first.conversationId);
    const answer = await second.finished;
    const del = (messageId: string) => core.handlers['conversations.deleteMessage']({ conversationId: first.conversationId, messageId }, { senderId: 1 });
    expect(await del(answer.id)).toEqual({ deleted: true });
    expect((await messagesOf(first.conversationId)).map((m) => m.text)).toEqual(['keep this one', 'Echo: keep this one', 'delete my answer']);
    expect(await del(answer.id)).toEqual({ deleted: false });

    a.always({ type: 'slow-tokens', delayMs: 30 });
    const streaming = send('a slow one', first.conversationId);
    await expect(del(streaming.assistantMessageId)).rejects.toThrow(/still streaming/);
    core.chat.cancel(streaming.assistantMessageId);
    await streaming.finished;
  });
});
