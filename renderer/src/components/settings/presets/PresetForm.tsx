/** One preset's draft: checked as it is typed, saved or deleted through `settings.update`. */
import { useId, useMemo, useState } from 'react';
import type { Preset } from '../../../../../shared/settings.js';
import { useSettings } from '../../../services-context.js';
import { BLANK_PRESET, checkPreset, draftOf, newPresetId, withPreset, withoutPreset, type PresetDraft, type PresetField } from '../../../lib/preset-edit.js';
import { useUnsavedGuard } from '../../../lib/use-unsaved.js';
import { ErrorText } from '../../layout/ErrorText.js';
import { UnsavedMarks } from '../../layout/UnsavedMarks.js';
import { DeletePreset } from './DeletePreset.js';
import { PresetFields, fieldId } from './PresetFields.js';

interface Props {
  /** Undefined: a preset not saved yet. */
  preset: Preset | undefined;
  presets: readonly Preset[];
  onChange(): void;
  onSaved(id: string, text: string): void;
  onDeleted(text: string): void;
}

const FIELDS: PresetField[] = ['name', 'systemPrompt', 'defaultTaskType', 'temperature', 'maxOutputTokens'];

export function PresetForm({ preset, presets, onChange, onSaved, onDeleted }: Props) {
  const update = useSettings((s) => s.update);
  const form = useId();
  const initial = useMemo(() => (preset ? draftOf(preset) : BLANK_PRESET), [preset]);
  const [draft, setDraft] = useState<PresetDraft>(initial);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  useUnsavedGuard(dirty, preset ? `your edits to the preset “${preset.name}”` : 'the new preset');

  const id = preset?.id ?? newPresetId(draft.name, presets);
  const checked = checkPreset(id, draft, presets);
  const problems = 'problems' in checked ? { ...checked.problems } : {};
  // An empty name is only pointed out once a save was tried: a new form starts empty.
  if (!tried && draft.name.trim() === '') delete problems.name;

  function edit(next: PresetDraft): void {
    setDraft(next);
    setError(undefined);
    onChange();
  }

  async function save(): Promise<void> {
    setTried(true);
    if ('problems' in checked) {
      const first = FIELDS.find((f) => checked.problems[f]);
      if (first) document.getElementById(fieldId(form, first))?.focus();
      return;
    }
    setBusy(true);
    const failed = await update((current) => withPreset(current, checked.preset));
    setBusy(false);
    if (failed) setError(failed);
    else onSaved(checked.preset.id, `Saved the preset “${checked.preset.name}”.`);
  }

  async function remove(): Promise<void> {
    if (!preset) return;
    setBusy(true);
    const failed = await update((current) => withoutPreset(current, preset.id));
    setBusy(false);
    if (failed) setError(failed);
    else onDeleted(`Deleted the preset “${preset.name}”. Chats started from it keep their system prompt.`);
  }

  return (
    <form
      className="card preset-form"
      aria-label={preset ? `Preset ${preset.name}` : 'New preset'}
      data-testid="preset-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{preset ? preset.name : 'New preset'}</h3>
      <PresetFields form={form} draft={draft} problems={problems} onChange={edit} />
      <ErrorText message={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy} data-testid="preset-save">
          {busy ? 'Saving…' : preset ? 'Save preset' : 'Add preset'}
        </button>
        <UnsavedMarks dirty={dirty} onDiscard={() => edit(initial)} testIdPrefix="preset" />
        <span className="spacer" />
        {preset && <DeletePreset name={preset.name} onDelete={() => void remove()} />}
      </div>
    </form>
  );
}
