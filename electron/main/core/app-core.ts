/**
 * Composes the core once for any host: settings, keys, adapters, router,
 * conversations and the contract handlers. Hosts only add a transport.
 */
import { join } from 'node:path';
import { networkInterfaces } from 'node:os';
import type { Attempt, Message } from '../../../shared/chat.js';
import type { AppInfo, Notice } from '../../../shared/contract/calls-settings.js';
import type { Handlers } from '../../../shared/contract/index.js';
import type { ProviderHealth } from '../../../shared/providers.js';
import { SettingsSchema, type ProviderConfig, type Settings } from '../../../shared/settings.js';
import { BUILTIN_TASK_TYPES } from '../../../shared/task-types.js';
import { createChatService, type ChatService } from './chat/chat-service.js';
import { adviseOnFailure } from './chat/failure-advice.js';
import { redact } from './secrets/redact.js';
import { catalogProviders, defaultSettings } from './default-settings.js';
import { createEventBus, type EventBus } from './events/event-bus.js';
import { chatHandlers } from './handlers/chat-handlers.js';
import { conversationHandlers } from './handlers/conversation-handlers.js';
import { createTitleWriter } from './chat/title-writer.js';
import { linkHandlers } from './handlers/link-handlers.js';
import { localHandlers } from './handlers/local-handlers.js';
import { apiHandlers } from './handlers/api-handlers.js';
import { createApiAccess, type ApiAccess } from './api-access.js';
import { providerHandlers } from './handlers/provider-handlers.js';
import { healthHandlers } from './handlers/health-handlers.js';
import { transferHandlers } from './handlers/transfer-handlers.js';
import { settingsHandlers } from './handlers/settings-handlers.js';
import { trackKeyChanges } from './key-fingerprints.js';
import { createKeyService, type KeyService } from './key-service.js';
import { createProviderPool, envVarsOf, type ProviderPool } from './provider-pool.js';
import { createRouter } from './router/index.js';
import { createEngine } from './engine/engine-service.js';
import { cudaOfferHere } from './engine/cuda-package.js';
import { createModelDownloads } from './engine/model-downloads.js';
import { withEngine } from './engine/with-engine.js';
import { engineHandlers } from './handlers/engine-handlers.js';
import type { EngineLauncher } from './providers/engine/engine-protocol.js';
import { realClock, type AttemptLedger, type Clock, type Router } from './router/types.js';
import { createKeyResolver } from './secrets/key-resolver.js';
import { createKeychainSecretStore } from './secrets/keychain-secret-store.js';
import type { SecretStore } from './secrets/secret-store.js';
import { createConfBacking, type SettingsBacking } from './store/settings-backing.js';
import { openOverrideSettings } from './store/settings-override.js';
import { openSettingsStore, type SettingsStore } from './store/settings-store.js';
import { targetPrices } from './target-prices.js';
import { targetToolSupport } from './target-tools.js';
import { createAttemptLedger } from './store/attempts/attempt-ledger.js';
import { openStorage, type Storage } from './store/storage.js';
import { guarded, StorageError } from './store/db/storage-error.js';
import { logCoreEvents } from './logging/log-events.js';
import { createLogger, type Logger } from './logging/logger.js';

export interface CoreOptions {
  host: 'electron' | 'web' | 'cli';
  dataDir: string;
  /** `--config FILE`: read-only settings from that file instead of the stored ones. */
  configFile?: string;
  version: string;
  env?: NodeJS.ProcessEnv;
  settingsBacking?: SettingsBacking;
  secretStore?: SecretStore;
  clock?: Clock;
  random?: () => number;
  online?: () => boolean;
  fetch?: typeof fetch;
  /** Hands a checked http(s) URL to the system browser; only the Electron host has one. */
  openExternal?: (url: string) => Promise<void>;
  /** Opens a folder in the OS file manager; only the desktop host can. Resolves to an error text, '' on success. */
  openPath?: (path: string) => Promise<string>;
  /** The system's open-file dialog for a .gguf model; only the desktop host has one. Undefined when cancelled. */
  chooseModelFile?: () => Promise<string | undefined>;
  /** Also echo log lines to the console (the headless host does; the CLI's output is its contract). */
  logToConsole?: boolean;
  /** How this host starts the built-in engine's process; without it, the engine is unavailable. */
  engineLauncher?: EngineLauncher;
}

export interface Core {
  readonly handlers: Handlers;
  readonly events: EventBus;
  readonly chat: ChatService;
  readonly pool: ProviderPool;
  readonly keys: KeyService;
  readonly router: Router;
  /** The local API's token and run state. */
  readonly api: ApiAccess;
  /** Called after every change to the settings in force (the API host restarts on it). */
  onSettingsChange(listener: () => void): () => void;
  /** Removes every key the app holds from a text. */
  scrub(text: string): string;
  /** switchboard.db: conversations, attempts, search. */
  readonly storage: Storage;
  readonly log: Logger;
  /** The settings in force: the user's own, or defaults built from the keys they have. */
  settings(): Settings;
  /** Task types with a route or options of their own (built-in ones included). */
  taskTypes(): string[];
  health(): ProviderHealth[];
  close(): Promise<void>;
}

/**
 * Any interface other than loopback counts as "a network"; Electron asks the OS
 * instead. Listing interfaces is a system call the router would make several
 * times per message, so one answer serves for a second.
 */
function networkInterfaceCheck(clock: Clock): () => boolean {
  let known: { online: boolean; at: number } | undefined;
  return () => {
    const now = clock.now();
    if (!known || now - known.at >= 1000 || now < known.at) {
      known = { online: Object.values(networkInterfaces()).some((list) => list?.some((i) => !i.internal)), at: now };
    }
    return known.online;
  };
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? realClock;
  const env = options.env ?? process.env;
  const events = createEventBus();
  // A separate service name lets tests and scripts use the keychain without touching the user's keys.
  const service = env.SWITCHBOARD_KEYCHAIN_SERVICE;
  const secrets = options.secretStore ?? createKeychainSecretStore(service ? { service } : {});
  const secretStatus = await secrets.ready();
  const resolver = createKeyResolver({ secrets, env });
  const store = await openStore(options, secrets);

  const engine = createEngine(options.dataDir, options.engineLauncher, clock, {
    offer: cudaOfferHere(),
    // `SWITCHBOARD_NPM_REGISTRY`: another registry (a mirror, or the tests' fake one).
    ...(env.SWITCHBOARD_NPM_REGISTRY ? { registry: env.SWITCHBOARD_NPM_REGISTRY } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    emit: (p) => events.emit('engine.cuda.progress', p),
  });
  async function computeEffective(): Promise<Settings> {
    const settings = await ownOrDefault();
    return engine.parts ? withEngine(settings, engine.store.list().map((m) => m.id)) : settings;
  }
  async function ownOrDefault(): Promise<Settings> {
    const own = store.get();
    if (own.providers.length > 0) return own;
    const api = own.api ? { api: own.api } : {};
    // One keychain read for all of them, not one per catalog entry: the pool resolves each key anyway.
    const stored = new Set(await secrets.list());
    const inEnv = (p: ProviderConfig) => [p.apiKeyEnv, ...envVarsOf(p)].some((name) => name !== undefined && Boolean(env[name]?.trim()));
    const withKey = new Set(catalogProviders().filter((p) => stored.has(p.id) || inEnv(p)).map((p) => p.id));
    // Presets are the user's own even before any provider is set up.
    return { ...defaultSettings(withKey), ...api, presets: own.presets };
  }
  let effective = await computeEffective();

  const pool = createProviderPool({ settings: () => effective, keys: resolver, ...(options.fetch ? { fetch: options.fetch } : {}), ...(engine.parts ? { engine: engine.parts } : {}) });
  await pool.refresh();

  const log = createLogger({ dataDir: options.dataDir, host: options.host, knownKeys: () => pool.knownKeys(), console: options.logToConsole === true });
  log.info(`Switchboard ${options.version} starting (${options.host}), data in ${options.dataDir}`);
  const stopLogging = logCoreEvents(events, log);
  const storage = openStorage(options.dataDir, { now: () => clock.now() });
  const notices: Notice[] = [...store.notices, ...storage.notices];
  for (const notice of notices) log.warn(`notice ${notice.id}: ${notice.text}`);
  const notify = (notice: Notice) => {
    if (!notices.some((n) => n.id === notice.id && n.text === notice.text)) notices.push(notice);
    events.emit('notice', notice);
  };
  if (!secretStatus.available && secretStatus.message) {
    notices.push({ id: 'keychain.unavailable', level: 'warning', text: secretStatus.message });
  }
  secrets.onStatusChange((status) => {
    if (!status.available && status.message) notify({ id: 'keychain.unavailable', level: 'warning', text: status.message });
  });

  const ledger = createAttemptLedger(storage.db, storage.attempts, {
    scrub: (text) => redact(text, pool.knownKeys()),
    // Calls that could not be recorded after an answer's own save failed are the same full or read-only disk: told once.
    onWriteError: (error) => {
      if (!notices.some((n) => n.id === 'storage.write_failed')) notify(saveFailed(error));
    },
    // Whatever sent it (a chat answer, a title, a compare, the API, a test), every window's panel follows.
    onRecorded: () => healthChanged(),
  });
  const probes = recordingProbes(pool, ledger, clock);
  const price = targetPrices(() => effective);
  const router = createRouter({
    clock,
    random: options.random ?? Math.random,
    settings: () => effective,
    adapter: (id) => pool.adapter(id),
    online: options.online ?? networkInterfaceCheck(clock),
    price,
    toolSupport: targetToolSupport(() => effective),
    state: storage.routerState,
    ledger,
    onNotice: notify,
  });

  const health = () => router.state.health();
  const publishHealth = (): ProviderHealth[] => {
    const providers = health();
    events.emit('health.update', { providers });
    return providers;
  };
  // The breaker and cooldown changes that follow an attempt happen in the same turn: one update after them all.
  let healthDue = false;
  function healthChanged(): void {
    if (healthDue) return;
    healthDue = true;
    queueMicrotask(() => {
      healthDue = false;
      publishHealth();
    });
  }

  const keyChanges = trackKeyChanges(join(options.dataDir, 'key-fingerprints.json'), notify);
  keyChanges.check(pool.currentKeys(), (id) => router.state.keyChanged(id));

  const settingsListeners = new Set<() => void>();
  async function refresh(changedProvider?: string): Promise<void> {
    effective = await computeEffective();
    for (const listener of settingsListeners) listener();
    await pool.refresh();
    // A key set in the app gets a fresh chance even if it is the same key again.
    if (changedProvider) router.state.keyChanged(changedProvider);
    keyChanges.check(pool.currentKeys(), (id) => {
      if (id !== changedProvider) router.state.keyChanged(id);
    });
    publishHealth();
  }
  let refreshed: Promise<void> = Promise.resolve();
  store.onChange(() => {
    refreshed = refresh();
  });

  const keys = createKeyService({ secrets, settings: () => effective, changed: (id) => refresh(id), views: () => pool.views() });
  const conversations = storage.conversations;
  const titles = createTitleWriter({
    router,
    clock,
    summary: (id) => conversations.summary(id),
    turns: (id) => conversations.turns(id),
    setGeneratedTitle: (id, title) => conversations.setGeneratedTitle(id, title),
    onTitle: (conversation) => events.emit('conversations.updated', { conversation }),
    onError: (error) => log.info(`no title generated: ${redact((error as Error)?.message ?? String(error), pool.knownKeys())}`),
  });
  const chat = createChatService({
    store: conversations,
    atomically: (write) => guarded(storage.path, 'save your message', () => storage.db.transaction(write).immediate()),
    source: options.host === 'cli' ? 'cli' : 'chat',
    onSaveError: (error) => notify(saveFailed(error)),
    router,
    events,
    clock,
    describeFailure: (failure) => adviseOnFailure(failure, effective),
    scrub: (text) => redact(text, pool.knownKeys()),
    defaultModel: (provider) => pool.defaultModel(provider),
    presets: () => effective.presets,
    // The CLI shows no list of chats: naming one there would only cost a request and time before exit.
    ...(options.host !== 'cli' ? { onAnswered: (message: Message) => titles.afterAnswer(message) } : {}),
  });

  const api = createApiAccess(secrets);
  const info = (): AppInfo => ({
    version: options.version,
    host: options.host === 'electron' ? 'electron' : 'web',
    dataDir: options.dataDir,
    logFolder: log.folder,
    notices: [...notices],
    keychainAvailable: secrets.status().available,
    ...(options.configFile ? { configFile: options.configFile } : {}),
  });

  const handlers: Handlers = {
    ...chatHandlers({ chat, conversations, search: storage.search }),
    ...conversationHandlers({ chat, conversations, events, clock }),
    ...transferHandlers({ db: storage.db, conversations, events, clock, scrub: (text) => redact(text, pool.knownKeys()) }),
    ...providerHandlers({ pool: probes, keys, router, health, price, conversations }),
    ...healthHandlers({ router, store, effective: () => effective, attempts: storage.attempts, clock, publish: async () => (await refreshed, publishHealth()) }),
    ...settingsHandlers({ info, store, effective: () => effective, log, ...(options.openPath ? { openPath: options.openPath } : {}) }),
    ...localHandlers({ events, settings: () => effective, ...(options.fetch ? { fetch: options.fetch } : {}) }),
    ...linkHandlers({ ...(options.openExternal ? { openExternal: options.openExternal } : {}) }),
    ...engineHandlers({
      engine,
      downloads: createModelDownloads({ store: engine.store, emit: (p) => events.emit('engine.download.progress', p), onInstalled: () => void refresh(), ...(options.fetch ? { fetch: options.fetch } : {}) }),
      changed: () => refresh(),
      ...(options.chooseModelFile ? { chooseModelFile: options.chooseModelFile } : {}),
    }),
    ...apiHandlers({ access: api, settings: () => effective, tokenPersisted: () => secrets.status().available, hostServes: options.host !== 'cli' }),
  };

  return {
    handlers,
    events,
    chat,
    pool: probes,
    keys,
    router,
    api,
    onSettingsChange: (listener) => {
      settingsListeners.add(listener);
      return () => settingsListeners.delete(listener);
    },
    scrub: (text) => redact(text, pool.knownKeys()),
    storage,
    log,
    settings: () => effective,
    taskTypes: () => [...new Set([...BUILTIN_TASK_TYPES, ...Object.keys(effective.routes), ...Object.keys(effective.taskTypes)])],
    health,
    close: async () => {
      await chat.close();
      await titles.idle();
      await router.state.flush();
      engine.host?.close();
      storage.close();
      stopLogging();
    },
  };
}

/** The pool, with every provider test (Settings' Test button, `switchboard doctor`) recorded as a `probe` attempt. */
function recordingProbes(pool: ProviderPool, ledger: AttemptLedger, clock: Clock): ProviderPool {
  return {
    ...pool,
    async test(id) {
      const startedAt = clock.now();
      const result = await pool.test(id);
      // A provider without a key was never called.
      if ('unavailable' in pool.adapter(id)) return result;
      const attempt: Attempt = { provider: id, model: result.model ?? '', outcome: result.ok ? 'ok' : 'error', startedAt, ms: Math.max(0, clock.now() - startedAt) };
      if (result.ttftMs !== undefined) attempt.ttftMs = result.ttftMs;
      if (result.errorKind) attempt.errorKind = result.errorKind;
      if (result.message) attempt.message = result.message;
      if (result.requestId) attempt.requestId = result.requestId;
      ledger.record({ attempt, source: 'probe', fallback: false, quota: { requests: 0, tokens: 0 } });
      return result;
    },
  };
}

/** A write that failed after a message started: the answer is still shown, and the user learns why it was not kept. */
function saveFailed(error: unknown): Notice {
  const text = StorageError.is(error) ? error.message : `Switchboard could not save to its database: ${(error as Error)?.message ?? String(error)}.`;
  return { id: 'storage.write_failed', level: 'error', text };
}

async function openStore(options: CoreOptions, secrets: SecretStore): Promise<SettingsStore> {
  if (options.configFile) {
    const opened = openOverrideSettings(options.configFile);
    if (!opened.ok) throw opened.error;
    return opened.value;
  }
  return openSettingsStore({
    backing: options.settingsBacking ?? createConfBacking(options.dataDir),
    // No providers means "not set up yet": the core then builds defaults from the keys it finds.
    defaults: () => SettingsSchema.parse({}),
    // Keys found in an old settings file move to the keychain, never stay on disk.
    moveKey: (provider, key) => secrets.set(provider, key),
  });
}
