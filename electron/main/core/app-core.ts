/**
 * Composes the core once for any host: settings, keys, adapters, router,
 * conversations and the contract handlers. Hosts only add a transport.
 */
import { join } from 'node:path';
import { networkInterfaces } from 'node:os';
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
import { linkHandlers } from './handlers/link-handlers.js';
import { localHandlers } from './handlers/local-handlers.js';
import { providerHandlers } from './handlers/provider-handlers.js';
import { settingsHandlers } from './handlers/settings-handlers.js';
import { trackKeyChanges } from './key-fingerprints.js';
import { createKeyService, type KeyService } from './key-service.js';
import { createProviderPool, envVarsOf, type ProviderPool } from './provider-pool.js';
import { createFileStateStore, createRouter } from './router/index.js';
import { realClock, type Clock, type Router } from './router/types.js';
import { createKeyResolver } from './secrets/key-resolver.js';
import { createKeychainSecretStore } from './secrets/keychain-secret-store.js';
import type { SecretStore } from './secrets/secret-store.js';
import { createConfBacking, type SettingsBacking } from './store/settings-backing.js';
import { openOverrideSettings } from './store/settings-override.js';
import { openSettingsStore, type SettingsStore } from './store/settings-store.js';
import { targetPrices } from './target-prices.js';
import { createConversationStore } from './store/conversation-store.js';
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
  /** Also echo log lines to the console (the headless host does; the CLI's output is its contract). */
  logToConsole?: boolean;
}

export interface Core {
  readonly handlers: Handlers;
  readonly events: EventBus;
  readonly chat: ChatService;
  readonly pool: ProviderPool;
  readonly keys: KeyService;
  readonly router: Router;
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

  async function computeEffective(): Promise<Settings> {
    const own = store.get();
    if (own.providers.length > 0) return own;
    // One keychain read for all of them, not one per catalog entry: the pool resolves each key anyway.
    const stored = new Set(await secrets.list());
    const inEnv = (p: ProviderConfig) => [p.apiKeyEnv, ...envVarsOf(p)].some((name) => name !== undefined && Boolean(env[name]?.trim()));
    const withKey = new Set(catalogProviders().filter((p) => stored.has(p.id) || inEnv(p)).map((p) => p.id));
    return defaultSettings(withKey);
  }
  let effective = await computeEffective();

  const pool = createProviderPool({ settings: () => effective, keys: resolver, ...(options.fetch ? { fetch: options.fetch } : {}) });
  await pool.refresh();

  const log = createLogger({ dataDir: options.dataDir, host: options.host, knownKeys: () => pool.knownKeys(), console: options.logToConsole === true });
  log.info(`Switchboard ${options.version} starting (${options.host}), data in ${options.dataDir}`);
  const stopLogging = logCoreEvents(events, log);
  const notices: Notice[] = [...store.notices];
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

  const router = createRouter({
    clock,
    random: options.random ?? Math.random,
    settings: () => effective,
    adapter: (id) => pool.adapter(id),
    online: options.online ?? networkInterfaceCheck(clock),
    price: targetPrices(() => effective),
    state: createFileStateStore(join(options.dataDir, 'router-state.json')),
    onNotice: notify,
  });

  const health = () => router.health();
  const publishHealth = () => events.emit('health.update', { providers: health() });

  const keyChanges = trackKeyChanges(join(options.dataDir, 'key-fingerprints.json'), notify);
  keyChanges.check(pool.currentKeys(), (id) => router.keyChanged(id));

  async function refresh(changedProvider?: string): Promise<void> {
    effective = await computeEffective();
    await pool.refresh();
    // A key set in the app gets a fresh chance even if it is the same key again.
    if (changedProvider) router.keyChanged(changedProvider);
    keyChanges.check(pool.currentKeys(), (id) => {
      if (id !== changedProvider) router.keyChanged(id);
    });
    publishHealth();
  }
  store.onChange(() => void refresh());

  const keys = createKeyService({ secrets, settings: () => effective, changed: (id) => refresh(id), views: () => pool.views() });
  const conversations = createConversationStore(options.dataDir);
  const chat = createChatService({
    store: conversations,
    router,
    events,
    clock,
    afterMessage: publishHealth,
    describeFailure: (failure) => adviseOnFailure(failure, effective),
    scrub: (text) => redact(text, pool.knownKeys()),
    defaultModel: (provider) => pool.defaultModel(provider),
  });

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
    ...chatHandlers({ chat, conversations }),
    ...providerHandlers({ pool, keys, router, health }),
    ...settingsHandlers({ info, store, effective: () => effective, log, ...(options.openPath ? { openPath: options.openPath } : {}) }),
    ...localHandlers({ events, settings: () => effective, ...(options.fetch ? { fetch: options.fetch } : {}) }),
    ...linkHandlers({ ...(options.openExternal ? { openExternal: options.openExternal } : {}) }),
  };

  return {
    handlers,
    events,
    chat,
    pool,
    keys,
    router,
    log,
    settings: () => effective,
    taskTypes: () => [...new Set([...BUILTIN_TASK_TYPES, ...Object.keys(effective.routes), ...Object.keys(effective.taskTypes)])],
    health,
    close: async () => {
      await chat.close();
      await router.flush();
      stopLogging();
    },
  };
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
