import { describe, expect, it } from 'vitest';
import { SettingsSchema, type Preset } from '../../../shared/settings.js';
import { checkPreset, newPresetId, withPreset, withoutPreset } from '../../../renderer/src/lib/preset-edit.js';

const preset = (id: string, name: string): Preset => ({ id, name, systemPrompt: '', defaultTaskType: 'auto' });

describe('a preset draft from the Presets tab', () => {
  const presets = [preset('reviewer', 'Reviewer'), preset('reviewer-2', 'Second reviewer')];

  it('becomes a preset with its numbers kept, or says in words what is wrong with each field', () => {
    expect(checkPreset('x', { name: ' Terse ', systemPrompt: 'Be brief.', defaultTaskType: 'code', temperature: 0, maxOutputTokens: 300 }, presets)).toEqual({
      preset: { id: 'x', name: 'Terse', systemPrompt: 'Be brief.', defaultTaskType: 'code', temperature: 0, maxOutputTokens: 300 },
    });
    expect(checkPreset('x', { name: '', systemPrompt: '', defaultTaskType: 'Not A Type', temperature: -1, maxOutputTokens: 2_000_001 }, presets)).toEqual({
      problems: {
        name: 'Give the preset a name.',
        defaultTaskType: 'Task type ids are lowercase letters, digits and dashes.',
        temperature: 'Temperature is 0 to 2.',
        maxOutputTokens: 'The longest answer can be at most 2,000,000 tokens.',
      },
    });
  });

  it('cannot take the name of another preset, whatever its case, but keeps its own', () => {
    const draft = { name: 'reviewer', systemPrompt: '', defaultTaskType: 'auto' };
    expect(checkPreset('new', draft, presets)).toEqual({ problems: { name: 'Another preset is already called “reviewer”.' } });
    expect('preset' in checkPreset('reviewer', draft, presets)).toBe(true);
  });

  it('gets an id from its first name that no other preset has, and one even from a name with no Latin letters', () => {
    expect(newPresetId('Code Reviewer!', presets)).toBe('code-reviewer');
    expect(newPresetId('Reviewer', presets)).toBe('reviewer-3');
    expect(newPresetId('日本語', presets)).toBe('preset');
  });

  it('replaces the preset with its id in place, adds a new one at the end, and removes by id', () => {
    const settings = SettingsSchema.parse({ presets });
    expect(withPreset(settings, preset('reviewer', 'Renamed')).presets.map((p) => p.name)).toEqual(['Renamed', 'Second reviewer']);
    expect(withPreset(settings, preset('new', 'New')).presets.map((p) => p.id)).toEqual(['reviewer', 'reviewer-2', 'new']);
    expect(withoutPreset(settings, 'reviewer').presets.map((p) => p.id)).toEqual(['reviewer-2']);
  });
});
