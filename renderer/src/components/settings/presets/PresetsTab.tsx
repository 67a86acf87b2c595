/**
 * Reusable starts for a chat: a list of presets and the form of the one chosen.
 * Each preset is saved on its own through `settings.update`; chats already
 * started from one keep their own copy of its prompt and settings.
 */
import { useState } from 'react';
import { useSettings, useUi } from '../../../services-context.js';
import { SaveResult, type SaveMessage } from '../../layout/SaveResult.js';
import { PresetForm } from './PresetForm.js';
import { PresetList, NEW_PRESET } from './PresetList.js';

export function PresetsTab() {
  const settings = useSettings((s) => s.settings);
  const revision = useSettings((s) => s.revision);
  const guard = useUi((s) => s.guard);
  // Kept outside the form, which starts over on every save.
  const [selected, setSelected] = useState<string>();
  const [message, setMessage] = useState<SaveMessage>();
  if (!settings) return <p className="muted">Loading settings…</p>;
  const presets = settings.presets;
  // Nothing chosen (or the chosen one gone): the first preset, so there is always something to read.
  const preset = selected === NEW_PRESET ? undefined : (presets.find((p) => p.id === selected) ?? presets[0]);
  const editing = selected === NEW_PRESET || preset !== undefined;

  function choose(id: string): void {
    if (id === (preset?.id ?? selected)) return;
    // Switching presets drops the form's edits, so the leave guard asks first, as it does for another tab.
    guard(() => {
      setSelected(id);
      setMessage(undefined);
    });
  }

  return (
    <div className="presets-tab">
      <p className="muted small help">
        A preset is a system prompt, a task type and generation settings a new chat can start from (pick it above the messages of a new chat). A chat keeps its
        own copy: editing or deleting a preset later does not change chats already started from it.
      </p>
      <div className="presets-layout">
        <PresetList presets={presets} selected={selected === NEW_PRESET ? NEW_PRESET : preset?.id} onChoose={choose} />
        {editing ? (
          <PresetForm
            // A new revision (after a save elsewhere or an import) starts the draft over from main's copy.
            key={`${revision}:${preset?.id ?? NEW_PRESET}`}
            preset={preset}
            presets={presets}
            onChange={() => setMessage(undefined)}
            onSaved={(id, text) => {
              setSelected(id);
              setMessage({ ok: true, text });
            }}
            onDeleted={(text) => {
              setSelected(undefined);
              setMessage({ ok: true, text });
            }}
          />
        ) : (
          <p className="muted" data-testid="presets-empty">
            No presets yet. Make one to start chats with the same system prompt and settings.
          </p>
        )}
      </div>
      <SaveResult message={message} okTestId="preset-saved" />
    </div>
  );
}
