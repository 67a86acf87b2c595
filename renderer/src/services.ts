/**
 * Creates every store for one client and routes the client's events into them.
 * The only place that knows which event feeds which store.
 */
import type { Client } from './client/client.js';
import { createChatStore, type ChatStore } from './store/chat-store.js';
import { createConversationsStore, type ConversationsStore } from './store/conversations-store.js';
import { createHealthStore, type HealthStore } from './store/health-store.js';
import { createLocalStore, type LocalStore } from './store/local-store.js';
import { createEngineStore, type EngineStore } from './store/engine-store.js';
import { createCudaStore, type CudaStore } from './store/cuda-store.js';
import { createNoticesStore, type NoticesStore } from './store/notices-store.js';
import { createSettingsStore, type SettingsStore } from './store/settings-store.js';
import { createUiStore, type UiStore } from './store/ui-store.js';
import { createCompareStore, type CompareStore } from './store/compare-store.js';
import { createUsageStore, type UsageStore } from './store/usage-store.js';

export interface Services {
  client: Client;
  chat: ChatStore;
  conversations: ConversationsStore;
  health: HealthStore;
  local: LocalStore;
  engine: EngineStore;
  cuda: CudaStore;
  notices: NoticesStore;
  settings: SettingsStore;
  ui: UiStore;
  compare: CompareStore;
  usage: UsageStore;
}

export function createServices(client: Client): Services {
  const conversations = createConversationsStore(client);
  const settings = createSettingsStore(client);
  // A model picked or removed adds or takes away the built-in engine: the chat's Send follows.
  const engine = createEngineStore(client, () => void settings.getState().load());
  const services: Services = {
    client,
    conversations,
    chat: createChatStore(client, { onActivity: () => void conversations.getState().refresh() }),
    health: createHealthStore(client),
    local: createLocalStore(client),
    engine,
    cuda: createCudaStore(client, () => void engine.getState().refresh()),
    notices: createNoticesStore(client),
    settings,
    ui: createUiStore(),
    compare: createCompareStore(client),
    usage: createUsageStore(client),
  };
  wireEvents(services);
  return services;
}

function wireEvents(services: Services): void {
  const { client, chat, health, local, notices, engine, conversations } = services;
  const { compare } = services;
  client.on('chat.delta', (e) => compare.getState().onDelta(e));
  client.on('chat.done', (e) => compare.getState().onFinal(e.message));
  client.on('chat.error', (e) => compare.getState().onFinal(e.message));
  client.on('conversations.updated', (e) => conversations.getState().onUpdated(e.conversation));
  client.on('chat.attempt', (e) => chat.getState().onAttempt(e));
  client.on('chat.delta', (e) => chat.getState().onDelta(e));
  client.on('chat.fallback', (e) => chat.getState().onFallback(e));
  client.on('chat.done', (e) => chat.getState().onFinal(e.message));
  client.on('chat.error', (e) => chat.getState().onFinal(e.message));
  // A failure may mean Ollama stopped: the chat then shows the setup card instead of another doomed Send.
  client.on('chat.error', () => void local.getState().refresh());
  client.on('health.update', (e) => {
    health.getState().set(e.providers);
    // Whatever changed health (a message, a test) changed usage too; only a view someone opened reloads.
    if (services.usage.getState().report) void services.usage.getState().load();
  });
  client.on('notice', (n) => notices.getState().add(n));
  client.on('ollama.pull.progress', (p) => local.getState().onProgress(p));
  client.on('engine.download.progress', (p) => {
    engine.getState().onProgress(p);
    // A new model adds the built-in engine to the providers: the chat can answer now.
    if (p.state === 'done') void services.settings.getState().load();
  });
  client.on('engine.cuda.progress', (p) => services.cuda.getState().onProgress(p));
  // The first 'connected' is the initial open, and main.tsx loads everything then;
  // only a 'connected' after a 'reconnecting' (a host restart) reloads.
  let wasDown = false;
  client.onStatus((status) => {
    notices.getState().setConnection(status);
    if (status === 'reconnecting') {
      wasDown = true;
    } else if (wasDown) {
      wasDown = false;
      // After a host restart, anything shown may be stale.
      void loadAll(services);
    }
  });
}

/** Everything the first screen needs, in parallel. */
export async function loadAll(s: Services): Promise<void> {
  await Promise.all([
    s.notices.getState().loadInfo(),
    s.settings.getState().load(),
    s.health.getState().refresh(),
    s.local.getState().refresh(),
    s.engine.getState().refresh(),
    s.conversations.getState().refresh(),
  ]);
}
