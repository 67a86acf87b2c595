/**
 * What a user feels: a message sent through the contract (input validation, the
 * handler, the chat service's writes before the request, routing, the adapter)
 * until its first text leaves the event bus and the delta coalescer, as a host
 * would send it to the window. Against the same conversation sent straight
 * through the OpenAI SDK, and through router.route() alone, interleaved round
 * by round (see interleave.ts). Each round sends one conversation of a
 * realistic mix (bench/prompts.ts), seeded into the store beforehand with its
 * history, so every chat.send is a multi-turn one, and deleted once answered,
 * so the store holds what a user's does (BACKGROUND_CONVERSATIONS older ones
 * plus the open one) however many rounds run. The chat service, the router's
 * state and the attempt ledger use switchboard.db, as in the app.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import OpenAI from 'openai';
import type { Message } from '../../shared/chat.js';
import { createChatService } from '../../electron/main/core/chat/chat-service.js';
import { dispatchCall } from '../../electron/main/core/dispatch.js';
import { createDeltaCoalescer } from '../../electron/main/core/events/delta-coalescer.js';
import { createEventBus } from '../../electron/main/core/events/event-bus.js';
import { chatHandlers } from '../../electron/main/core/handlers/chat-handlers.js';
import { realClock } from '../../electron/main/core/router/index.js';
import type { ConversationStore } from '../../electron/main/core/store/conversations/conversation-store.js';
import type { Handlers } from '../../shared/contract/index.js';
import { interleave } from '../interleave.js';
import { CONVERSATIONS, turnsOf, type BenchConversation } from '../prompts.js';
import { BENCH_KEY, benchRouter, benchStorage, cloudAndLocal, MODEL } from '../setup.js';
import { directRequest, routedRequest, type Sample } from '../timing.js';

/** Conversations already in the store, as after some weeks of use: the index every new message rewrites holds them. */
export const BACKGROUND_CONVERSATIONS = 50;

export interface ChatSamples {
  direct: Sample[];
  routed: Sample[];
  chat: Sample[];
}

/** A fresh conversation holding `c`'s history, as if the user had chatted before. */
function seed(store: ConversationStore, c: BenchConversation): string {
  const now = Date.now();
  const conversation = store.create(c.name, now);
  c.history.forEach((turn, i) => {
    const message: Message = { id: `${conversation.id}-${i}`, conversationId: conversation.id, role: turn.role === 'assistant' ? 'assistant' : 'user', text: turn.content, createdAt: now + i, status: 'done' };
    store.putMessage(message);
  });
  return conversation.id;
}

export async function runChat(warmupRounds: number, rounds: number): Promise<ChatSamples> {
  const { cloud, providers, close } = await cloudAndLocal();
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-chat-'));
  const db = benchStorage(dir);
  try {
    const router = benchRouter({ providers, routes: { general: ['openai'] }, local: 'ollama', state: db.state, ledger: db.ledger });
    const store = db.storage.conversations;
    for (let i = 0; i < BACKGROUND_CONVERSATIONS; i++) seed(store, CONVERSATIONS[i % CONVERSATIONS.length] as BenchConversation);
    const events = createEventBus();
    const chat = createChatService({ store, router, events, clock: realClock, atomically: (write) => db.storage.db.transaction(write).immediate() });
    const handlers = chatHandlers({ chat, conversations: store, search: db.storage.search }) as unknown as Handlers;

    // What a host's window would receive, when: the first text and the end of each answer.
    const firstText = new Map<string, number>();
    const finished = new Map<string, () => void>();
    const coalescer = createDeltaCoalescer((name, payload) => {
      if (name === 'chat.delta') {
        const id = (payload as { messageId: string }).messageId;
        if (!firstText.has(id)) firstText.set(id, performance.now());
      } else if (name === 'chat.done' || name === 'chat.error') {
        finished.get((payload as { message: Message }).message.id)?.();
      }
    });
    events.subscribe(coalescer.push);

    const client = new OpenAI({ baseURL: cloud.baseURL, apiKey: BENCH_KEY, maxRetries: 0 });
    let round = 0;
    const next = (): BenchConversation => CONVERSATIONS[Math.floor(round / 3) % CONVERSATIONS.length] as BenchConversation;

    const viaChat = async (): Promise<Sample> => {
      const c = next();
      round += 1;
      const conversationId = seed(store, c);
      let done!: () => void;
      const ended = new Promise<void>((resolve) => (done = resolve));
      const started = performance.now();
      const result = await dispatchCall(handlers, 'chat.send', { conversationId, text: c.text, taskType: 'auto' }, { senderId: 1 });
      if (!result.ok) throw new Error(`chat.send failed: ${result.error.message}`);
      const id = (result.value as { assistantMessageId: string }).assistantMessageId;
      finished.set(id, done);
      await ended;
      const totalMs = performance.now() - started;
      const first = firstText.get(id);
      finished.delete(id);
      firstText.delete(id);
      store.delete(conversationId);
      if (first === undefined) throw new Error('chat produced no text');
      return { ttftMs: first - started, totalMs };
    };
    const direct = async (): Promise<Sample> => {
      const c = next();
      round += 1;
      return directRequest(client, MODEL, turnsOf(c));
    };
    const routed = async (): Promise<Sample> => {
      const c = next();
      round += 1;
      return routedRequest(router, { messages: turnsOf(c) });
    };

    const samples = await interleave({ direct, routed, chat: viaChat }, warmupRounds, rounds, () => router.state.flush());
    await router.state.flush();
    coalescer.dispose();
    await chat.close();
    return samples;
  } finally {
    db.storage.close();
    rmSync(dir, { recursive: true, force: true });
    await close();
  }
}
