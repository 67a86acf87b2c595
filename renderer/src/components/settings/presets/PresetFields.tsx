/** A preset's fields, each with its problem in words under it. */
import type { ComponentProps } from 'react';
import { MAX_SYSTEM_PROMPT_CHARS } from '../../../../../shared/settings.js';
import type { PresetDraft, PresetField, PresetProblems } from '../../../lib/preset-edit.js';
import { OptionalNumberInput } from '../../layout/OptionalNumberInput.js';
import { TaskSelect } from '../../chat/TaskSelect.js';

interface Props {
  /** Makes the fields' element ids unique to this form. */
  form: string;
  draft: PresetDraft;
  problems: PresetProblems;
  onChange(draft: PresetDraft): void;
}

/** The element id of a field, so a failed save can bring the first wrong one into focus. */
export const fieldId = (form: string, field: PresetField): string => `${form}-${field}`;

export function PresetFields({ form, draft, problems, onChange }: Props) {
  const set = (patch: Partial<PresetDraft>) => onChange({ ...draft, ...patch });
  const problem = (field: PresetField) => {
    const text = problems[field];
    return text ? (
      <p className="error small" id={`${fieldId(form, field)}-problem`} data-testid={`preset-problem-${field}`}>
        {text}
      </p>
    ) : null;
  };
  const described = (field: PresetField) => (problems[field] ? { 'aria-invalid': true, 'aria-describedby': `${fieldId(form, field)}-problem` } : {});
  return (
    <>
      <label className="stacked">
        Name
        <input id={fieldId(form, 'name')} data-testid="preset-name" maxLength={80} value={draft.name} onChange={(e) => set({ name: e.target.value })} {...described('name')} />
      </label>
      {problem('name')}
      <label className="stacked">
        System prompt
        <textarea
          id={fieldId(form, 'systemPrompt')}
          data-testid="preset-system-prompt"
          rows={5}
          value={draft.systemPrompt}
          placeholder="How the assistant should behave in chats started from this preset"
          onChange={(e) => set({ systemPrompt: e.target.value })}
          {...described('systemPrompt')}
        />
      </label>
      <p className="muted small">
        {draft.systemPrompt.length.toLocaleString('en')} of {MAX_SYSTEM_PROMPT_CHARS.toLocaleString('en')} characters
      </p>
      {problem('systemPrompt')}
      <div className="row">
        <TaskSelect label="Task type" testId="preset-task-type" value={draft.defaultTaskType} onChange={(defaultTaskType) => set({ defaultTaskType })} />
        <span className="muted small">auto: each message is routed by what it asks</span>
      </div>
      {problem('defaultTaskType')}
      <div className="row">
        <NumberField
          label="Temperature (0 to 2)"
          testId="preset-temperature"
          step="0.1"
          placeholder="provider's"
          value={draft.temperature}
          onChange={(temperature) => set({ temperature })}
          id={fieldId(form, 'temperature')}
          {...described('temperature')}
        />
        <NumberField
          label="Longest answer (tokens)"
          testId="preset-max-tokens"
          step="1"
          placeholder="route's"
          value={draft.maxOutputTokens}
          onChange={(maxOutputTokens) => set({ maxOutputTokens })}
          id={fieldId(form, 'maxOutputTokens')}
          {...described('maxOutputTokens')}
        />
      </div>
      {problem('temperature')}
      {problem('maxOutputTokens')}
      <p className="muted small">Left empty, the provider&apos;s own temperature and the route&apos;s longest answer apply. Anthropic gets the longest answer only: its API has deprecated temperature.</p>
    </>
  );
}

type NumberProps = ComponentProps<typeof OptionalNumberInput> & { label: string; testId: string };

function NumberField({ label, testId, ...input }: NumberProps) {
  return (
    <label className="inline-field">
      <span>{label}</span>
      <OptionalNumberInput data-testid={testId} {...input} />
    </label>
  );
}
