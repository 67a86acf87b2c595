/**
 * What the router is asked to preview for a message being typed: the same turns
 * a send would route (the conversation's system prompt and history before the
 * new text), so "auto → long-context" shows for a long chat as it will be sent.
 */
import type { ConversationStore } from '../store/conversations/conversation-store.js';
import type { Router } from '../router/types.js';
import { withSetup } from './conversation-setup.js';
import { historyToTurns } from './history.js';

type PreviewRequest = Parameters<Router['preview']>[0];

export function previewRequest(store: Pick<ConversationStore, 'summary' | 'turns'> | undefined, conversationId: string | undefined, text: string): Omit<PreviewRequest, 'taskChoice'> {
  const summary = conversationId ? store?.summary(conversationId) : undefined;
  const history = summary ? historyToTurns(store?.turns(summary.id) ?? []) : [];
  return {
    messages: withSetup([...history, { role: 'user', content: text }], summary).messages,
    ...(summary?.stickyProvider ? { stickyProvider: summary.stickyProvider } : {}),
  };
}
