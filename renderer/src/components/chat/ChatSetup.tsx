/**
 * Above the messages: for a new chat, the preset it starts from and its own
 * system prompt; for an open one, its system prompt, changeable at any time
 * (it applies from the next answer).
 */
import { useEffect, useState } from 'react';
import type { ConversationSummary } from '../../../../shared/chat.js';
import { useChat, useConversations, useSettings } from '../../services-context.js';

function NewChatSetup() {
  const presets = useSettings((s) => s.settings?.presets ?? []);
  const setup = useChat((s) => s.newChatSetup);
  const setSetup = useChat((s) => s.setNewChatSetup);
  const preset = presets.find((p) => p.id === setup.presetId);
  const loaded = useSettings((s) => s.settings !== undefined);
  // A preset deleted since it was chosen: the chat starts plain instead of failing at the first send.
  const gone = loaded && setup.presetId !== undefined && !preset;
  useEffect(() => {
    if (gone) setSetup({ ...setup, presetId: undefined, presetGone: true });
  }, [gone, setup, setSetup]);
  return (
    <details className="chat-setup" data-testid="new-chat-setup" open={presets.length > 0 || setup.presetGone || undefined}>
      <summary>New chat: {preset ? preset.name : 'no preset'}{setup.systemPrompt?.trim() ? ', own system prompt' : ''}</summary>
      {presets.length > 0 && (
        <label>
          Start from a preset{' '}
          <select
            data-testid="preset-select"
            value={setup.presetId ?? ''}
            onChange={(e) => {
              setSetup({ ...setup, presetId: e.target.value || undefined, presetGone: undefined });
            }}
          >
            <option value="">None</option>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {setup.presetGone && (
        <p className="muted small" role="status" data-testid="preset-gone">
          The preset chosen for this chat was deleted, so it starts without one.
        </p>
      )}
      <label className="stacked">
        System prompt {preset?.systemPrompt ? '(leave empty to use the preset’s)' : ''}
        <textarea
          data-testid="new-system-prompt"
          rows={2}
          value={setup.systemPrompt ?? ''}
          placeholder={preset?.systemPrompt || 'How the assistant should behave in this chat'}
          onChange={(e) => setSetup({ ...setup, systemPrompt: e.target.value })}
        />
      </label>
    </details>
  );
}

/** Keyed on the conversation and its saved prompt, so a draft starts over when either changes. */
function OpenChatSetup({ conversation }: { conversation: ConversationSummary }) {
  const id = conversation.id;
  const update = useConversations((s) => s.update);
  const saved = conversation.systemPrompt ?? '';
  const [draft, setDraft] = useState(saved);
  const changed = draft !== saved;
  return (
    <details className="chat-setup" data-testid="chat-setup">
      <summary>System prompt: {saved ? `“${saved.length > 60 ? `${saved.slice(0, 59)}…` : saved}”` : 'none'}</summary>
      <label className="stacked">
        System prompt for this chat (applies from the next answer)
        <textarea data-testid="system-prompt" rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} />
      </label>
      <button type="button" disabled={!changed} data-testid="save-system-prompt" onClick={() => void update(id, { systemPrompt: draft.trim() ? draft : null })}>
        {changed ? 'Save system prompt' : 'Saved'}
      </button>
    </details>
  );
}

export function ChatSetup() {
  const current = useChat((s) => s.current);
  const conversation = useConversations((s) => s.list.find((c) => c.id === current));
  if (!current) return <NewChatSetup />;
  return conversation ? <OpenChatSetup key={`${conversation.id}:${conversation.systemPrompt ?? ''}`} conversation={conversation} /> : null;
}
