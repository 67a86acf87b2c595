/**
 * Checks a migrated settings object against the schema and the cross-references
 * between its parts, and names the first wrong field the way a user reads it.
 */
import type { z } from 'zod';
import {
  describeZodError,
  findSettingsProblems,
  SettingsSchema,
  type Settings,
} from '../../../../shared/settings.js';

export type Validation =
  | { ok: true; settings: Settings; problems: string[] }
  | { ok: false; detail: string; field?: string };

function issuePath(error: z.ZodError): string | undefined {
  const path = error.issues[0]?.path ?? [];
  if (path.length === 0) return undefined;
  return path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    '',
  );
}

export function validateSettings(raw: unknown): Validation {
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const field = issuePath(parsed.error);
    return { ok: false, detail: describeZodError(parsed.error), ...(field ? { field } : {}) };
  }
  return { ok: true, settings: parsed.data, problems: findSettingsProblems(parsed.data) };
}

/** `findSettingsProblems` words each problem as `field: what`; this takes the field back out. */
export function problemField(problem: string): string | undefined {
  const at = problem.indexOf(': ');
  return at > 0 ? problem.slice(0, at) : undefined;
}
