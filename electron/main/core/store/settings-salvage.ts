/**
 * Keeps what a current schema can read from a file a newer Switchboard wrote:
 * each top-level part whole if it validates, else item by item (a provider, a
 * route), so one unknown setting does not cost the user everything else.
 */
import { SettingsSchema, type Settings } from '../../../../shared/settings.js';
import { isRecord, type RawSettings } from './migrations/types.js';

type Part = keyof typeof SettingsSchema.shape;

// Parts that are maps of independent entries, where one bad entry should not cost the others.
const RECORD_PARTS: ReadonlySet<Part> = new Set<Part>(['routes', 'taskTypes', 'quotas']);

function salvagePart(name: Part, value: unknown, dropped: string[]): unknown {
  const schema = SettingsSchema.shape[name];
  if (schema.safeParse(value).success) return value;
  if (name === 'providers' && Array.isArray(value)) {
    return value.filter((item, i) => {
      const ok = schema.safeParse([item]).success;
      if (!ok) dropped.push(`${name}[${i}]`);
      return ok;
    });
  }
  if (RECORD_PARTS.has(name) && isRecord(value)) {
    const kept = Object.entries(value).filter(([key, item]) => {
      const ok = schema.safeParse({ [key]: item }).success;
      if (!ok) dropped.push(`${name}.${key}`);
      return ok;
    });
    return Object.fromEntries(kept);
  }
  dropped.push(name);
  return undefined;
}

export function salvageSettings(raw: RawSettings, fallback: Settings): { settings: Settings; dropped: string[] } {
  const dropped: string[] = [];
  const kept: RawSettings = {};
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'version' || value === undefined) continue;
    if (!Object.hasOwn(SettingsSchema.shape, name)) {
      dropped.push(name);
      continue;
    }
    const part = salvagePart(name as Part, value, dropped);
    if (part !== undefined) kept[name] = part;
  }
  const parsed = SettingsSchema.safeParse(kept);
  return parsed.success ? { settings: parsed.data, dropped } : { settings: fallback, dropped: ['everything'] };
}
