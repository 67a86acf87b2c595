/**
 * Checks a migrated settings object against the schema and the cross-references
 * between its parts, and names the first wrong field the way a user reads it.
 */
import { describeZodError, findSettingsProblems, SettingsSchema, zodIssuePath, type Settings } from '../../../../shared/settings.js';

export type Validation =
  | { ok: true; settings: Settings; problems: string[] }
  | { ok: false; detail: string; field?: string };

export function validateSettings(raw: unknown): Validation {
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const field = zodIssuePath(parsed.error);
    return { ok: false, detail: describeZodError(parsed.error), ...(field ? { field } : {}) };
  }
  return { ok: true, settings: parsed.data, problems: findSettingsProblems(parsed.data) };
}

/**
 * For a save or a strict --config file: the settings only if the schema and every
 * cross-reference hold, otherwise the first thing wrong and the field it is in.
 */
export function validateStrictly(raw: unknown): { ok: true; settings: Settings } | { ok: false; detail: string; field?: string } {
  const checked = validateSettings(raw);
  if (!checked.ok) return checked;
  const problem = checked.problems[0];
  if (!problem) return { ok: true, settings: checked.settings };
  const field = problemField(problem);
  return { ok: false, detail: problem, ...(field ? { field } : {}) };
}

/** `findSettingsProblems` words each problem as `field: what`; this takes the field back out. */
function problemField(problem: string): string | undefined {
  const at = problem.indexOf(': ');
  return at > 0 ? problem.slice(0, at) : undefined;
}
