/** The Presets tab's edits: a draft of one preset checked with the shared schema, and the list it is saved into. */
import { PresetSchema, type Preset, type Settings } from '../../../shared/settings.js';

/** A preset as its form holds it; empty number fields mean "the provider's default". */
export interface PresetDraft {
  name: string;
  systemPrompt: string;
  defaultTaskType: string;
  temperature?: number;
  maxOutputTokens?: number;
}
export type PresetField = keyof PresetDraft;
export type PresetProblems = Partial<Record<PresetField, string>>;

export const BLANK_PRESET: PresetDraft = { name: '', systemPrompt: '', defaultTaskType: 'auto' };

export function draftOf(preset: Preset): PresetDraft {
  return {
    name: preset.name,
    systemPrompt: preset.systemPrompt,
    defaultTaskType: preset.defaultTaskType,
    ...(preset.temperature !== undefined ? { temperature: preset.temperature } : {}),
    ...(preset.maxOutputTokens !== undefined ? { maxOutputTokens: preset.maxOutputTokens } : {}),
  };
}

const sentence = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/**
 * The preset a draft makes, or what is wrong with each of its fields in words.
 * Names are kept apart because the new-chat picker shows presets by name only.
 */
export function checkPreset(id: string, draft: PresetDraft, others: readonly Preset[]): { preset: Preset } | { problems: PresetProblems } {
  const problems: PresetProblems = {};
  const parsed = PresetSchema.safeParse({ id, ...draft });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as PresetField;
      problems[field] ??= sentence(issue.message);
    }
  }
  const name = draft.name.trim().toLowerCase();
  if (!problems.name && others.some((p) => p.id !== id && p.name.trim().toLowerCase() === name)) {
    problems.name = `Another preset is already called “${draft.name.trim()}”.`;
  }
  if (parsed.success && Object.keys(problems).length === 0) return { preset: parsed.data };
  return { problems };
}

/** An id made once from the first name (it stays when the preset is renamed), unused by any other preset. */
export function newPresetId(name: string, presets: readonly Preset[]): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'preset';
  const taken = new Set(presets.map((p) => p.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** Replaces the preset with its id, or adds it at the end. */
export function withPreset(settings: Settings, preset: Preset): Settings {
  const exists = settings.presets.some((p) => p.id === preset.id);
  return { ...settings, presets: exists ? settings.presets.map((p) => (p.id === preset.id ? preset : p)) : [...settings.presets, preset] };
}

export function withoutPreset(settings: Settings, id: string): Settings {
  return { ...settings, presets: settings.presets.filter((p) => p.id !== id) };
}
