/**
 * The settings schema, shared by main (validation on load and on every update) and
 * the renderer (forms). The export/import format and the CLI's `--config FILE` are
 * this same shape. Keys never appear here: a provider names an env var or uses its
 * keychain entry.
 */
import { z } from 'zod';
import { TaskChoiceSchema, TaskTypeIdSchema } from './task-types.js';

export const SETTINGS_VERSION = 1;

export const ProviderKindSchema = z.enum(['openai', 'anthropic', 'openai-compatible', 'ollama', 'engine']);
export type ProviderKind = z.infer<typeof ProviderKindSchema>;

export const ProviderIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'provider ids are letters, digits, dots, dashes and underscores');

const UrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be a full http(s) URL such as http://127.0.0.1:11434');

/** Secrets belong in the keychain, so headers that carry one are refused here. */
const SECRET_HEADER = /authorization|api[-_]?key|token|secret|password|cookie/i;
const HeadersSchema = z
  .record(z.string().regex(/^[A-Za-z0-9-]+$/, 'header names are letters, digits and dashes'), z.string().max(2000))
  .refine((headers) => !Object.keys(headers).some((name) => SECRET_HEADER.test(name)), {
    message: 'headers cannot carry keys or tokens (they would be saved in plain text); set the key under Providers instead',
  });

export const ProviderConfigSchema = z.object({
  id: ProviderIdSchema,
  kind: ProviderKindSchema,
  /** Catalog preset this provider was made from (pricing, capabilities). */
  preset: z.string().optional(),
  name: z.string().max(80).optional(),
  baseURL: UrlSchema.optional(),
  apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name').optional(),
  models: z.array(z.string().min(1)).optional(),
  enabled: z.boolean().default(true),
  headers: HeadersSchema.optional(),
});
export type ProviderConfig = z.infer<typeof ProviderConfigSchema>;

export const RouteTargetSchema = z.object({
  provider: ProviderIdSchema,
  model: z.string().min(1),
  weight: z.number().positive().optional(),
});
export type RouteTarget = z.infer<typeof RouteTargetSchema>;

export const StrategySchema = z.enum(['ordered', 'fastest', 'cheapest', 'balanced']);
export type Strategy = z.infer<typeof StrategySchema>;

export const TimeoutsSchema = z.object({
  connectMs: z.number().int().positive().max(600_000),
  firstTokenMs: z.number().int().positive().max(600_000),
  idleMs: z.number().int().positive().max(600_000),
});
export type Timeouts = z.infer<typeof TimeoutsSchema>;

export const TaskTypeOptionsSchema = z.object({
  label: z.string().max(60).optional(),
  strategy: StrategySchema.default('ordered'),
  timeouts: TimeoutsSchema.partial().optional(),
  hedge: z
    .object({ enabled: z.boolean(), delayMs: z.number().int().positive().optional() })
    .optional(),
  /** The longest answer asked for on this route; else each model's own limit from the catalog. */
  maxOutputTokens: z.number().int().positive().max(2_000_000).optional(),
});
export type TaskTypeOptions = z.infer<typeof TaskTypeOptionsSchema>;

export const BudgetsSchema = z.object({
  dailyUsd: z.number().nonnegative().optional(),
  monthlyUsd: z.number().nonnegative().optional(),
  hardStop: z.boolean().default(false),
});

export const QuotaSchema = z.object({
  requestsPerDay: z.number().int().positive().optional(),
  tokensPerDay: z.number().int().positive().optional(),
});

/** The port the local API uses unless the user picks another. */
export const DEFAULT_API_PORT = 4141;

/** A browser origin, exactly: scheme, host and optional port; no path, no wildcard. */
const OriginSchema = z
  .string()
  .trim()
  .regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'an origin is a scheme and host such as http://localhost:3000, with no path and no *');

/** The local OpenAI- and Anthropic-compatible API. Its token is in the keychain, never here. */
export const ApiSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  port: z.number().int().min(1).max(65535).default(DEFAULT_API_PORT),
  allowedOrigins: z.array(OriginSchema).max(50).default([]),
});
export type ApiSettings = z.infer<typeof ApiSettingsSchema>;

/** The API settings in force: off, on the default port, no origins, unless the user said otherwise. */
export function apiSettingsOf(settings: Pick<Settings, 'api'>): ApiSettings {
  return settings.api ?? { enabled: false, port: DEFAULT_API_PORT, allowedOrigins: [] };
}

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

/** Longest system prompt a preset or a conversation may hold. */
export const MAX_SYSTEM_PROMPT_CHARS = 20_000;

/** Generation settings a preset or a conversation may carry; absent means the provider's default. */
export const GenerationSchema = z.object({
  temperature: z.number().min(0, 'temperature is 0 to 2').max(2, 'temperature is 0 to 2').optional(),
  maxOutputTokens: z
    .number()
    .int('the longest answer is a whole number of tokens')
    .positive('the longest answer is at least 1 token')
    .max(2_000_000, 'the longest answer can be at most 2,000,000 tokens')
    .optional(),
});

/** A reusable start for a chat: its system prompt, task type and generation settings. */
export const PresetSchema = GenerationSchema.extend({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'preset ids are letters, digits, dashes and underscores'),
  name: z.string().trim().min(1, 'give the preset a name').max(60),
  systemPrompt: z.string().max(MAX_SYSTEM_PROMPT_CHARS, `a system prompt can be at most ${MAX_SYSTEM_PROMPT_CHARS.toLocaleString('en')} characters`).default(''),
  defaultTaskType: TaskChoiceSchema.default('auto'),
});
export type Preset = z.infer<typeof PresetSchema>;

/** A user's own price or context window for a model, laid over the price list. */
export const ModelOverrideSchema = z.object({
  inputUsdPerMTok: z.number().nonnegative().optional(),
  outputUsdPerMTok: z.number().nonnegative().optional(),
  contextWindow: z.number().int().positive().optional(),
});

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  providers: z.array(ProviderConfigSchema).default([]),
  routes: z.record(TaskTypeIdSchema, z.array(RouteTargetSchema)).default({}),
  taskTypes: z.record(TaskTypeIdSchema, TaskTypeOptionsSchema).default({}),
  localFallback: z.object({ provider: ProviderIdSchema, model: z.string().min(1) }).optional(),
  /** The built-in engine (a provider of kind `engine`): the very last link, after the local fallback. */
  engineFallback: z.object({ provider: ProviderIdSchema, model: z.string().min(1) }).optional(),
  budgets: BudgetsSchema.optional(),
  quotas: z.record(ProviderIdSchema, QuotaSchema).default({}),
  api: ApiSettingsSchema.optional(),
  /** The desktop app's own updates (from GitHub releases); it always asks before downloading or installing. */
  updates: z.object({ checkAutomatically: z.boolean().default(true) }).default({ checkAutomatically: true }),
  presets: z.array(PresetSchema).max(100).default([]),
  /** How the app looks; `system` follows the OS's light or dark setting. */
  appearance: z.object({ theme: ThemeSchema.default('system') }).optional(),
  /** Keyed by `providerId/model` or a bare model id; wins over the price list. */
  modelOverrides: z.record(z.string().min(1).max(200), ModelOverrideSchema).optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;
/** The shape a user writes by hand: defaults may be left out. */
export type SettingsInput = z.input<typeof SettingsSchema>;

export const DEFAULT_OLLAMA_URL = 'http://127.0.0.1:11434';
export const DEFAULT_LOCAL_MODEL = 'llama3.2';

/**
 * Checks references between parts (routes naming providers that exist), which a
 * plain object schema cannot. Returns problems in words, never throws.
 */
export function findSettingsProblems(settings: Settings): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const p of settings.providers) {
    if (ids.has(p.id)) problems.push(`providers: the id "${p.id}" is used twice`);
    ids.add(p.id);
  }
  for (const [task, targets] of Object.entries(settings.routes)) {
    targets.forEach((t, i) => {
      if (!ids.has(t.provider)) problems.push(`routes.${task}[${i}]: no provider with id "${t.provider}"`);
    });
  }
  const presetIds = new Set<string>();
  for (const preset of settings.presets) {
    if (presetIds.has(preset.id)) problems.push(`presets: the id "${preset.id}" is used twice`);
    presetIds.add(preset.id);
  }
  if (settings.localFallback && !ids.has(settings.localFallback.provider)) {
    problems.push(`localFallback: no provider with id "${settings.localFallback.provider}"`);
  }
  if (settings.engineFallback && !ids.has(settings.engineFallback.provider)) {
    problems.push(`engineFallback: no provider with id "${settings.engineFallback.provider}"`);
  }
  return problems;
}

/** The first wrong field of a zod error the way a user reads it, `providers[1].baseURL`; '' for the whole value. */
export function zodIssuePath(error: z.ZodError): string {
  return (error.issues[0]?.path ?? []).reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    return acc ? `${acc}.${String(part)}` : String(part);
  }, '');
}

/** Names the first wrong field of a zod error the way a user reads it: `providers[1].baseURL: …`. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid settings';
  const path = zodIssuePath(error);
  return path ? `${path}: ${issue.message}` : issue.message;
}
