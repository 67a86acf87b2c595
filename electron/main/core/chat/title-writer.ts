/**
 * After a conversation's first answer, asks the `cheap` route (which ends at the
 * local model) for a short title. A title the user typed is never replaced, and
 * when no provider answers, or the answer is no title, the one made from the
 * prompt stays: naming a chat must never cost the user an error.
 */
import type { ConversationSummary, Message } from '../../../../shared/chat.js';
import type { Clock, Router } from '../router/types.js';
import { cleanGeneratedTitle, TITLE_INSTRUCTION } from './titles.js';

export interface TitleWriterDeps {
  router: Pick<Router, 'route'>;
  clock: Clock;
  summary(id: string): ConversationSummary | undefined;
  /** Question and answer texts of the conversation, oldest first. */
  turns(id: string): { role: 'user' | 'assistant'; text: string; status: Message['status'] }[];
  setGeneratedTitle(id: string, title: string): ConversationSummary | undefined;
  onTitle(conversation: ConversationSummary): void;
  onError?(error: unknown): void;
}

/** Enough of each side for a model to see what the chat is about. */
const EXCERPT = 1500;
const TITLE_TIMEOUT_MS = 30_000;

export function createTitleWriter(deps: TitleWriterDeps) {
  const pending = new Set<Promise<void>>();

  async function write(conversationId: string): Promise<void> {
    const turns = deps.turns(conversationId);
    const question = turns.find((t) => t.role === 'user');
    const answer = turns.find((t) => t.role === 'assistant' && t.status === 'done');
    if (!question || !answer) return;
    const abort = new AbortController();
    const cancelTimer = deps.clock.setTimeout(() => abort.abort(), TITLE_TIMEOUT_MS, { unref: true });
    try {
      const result = await deps.router.route(
        {
          conversationId,
          taskChoice: 'cheap',
          messages: [
            { role: 'system', content: TITLE_INSTRUCTION },
            { role: 'user', content: `Question:\n${question.text.slice(0, EXCERPT)}\n\nAnswer:\n${answer.text.slice(0, EXCERPT)}` },
          ],
          maxTokens: 24,
          temperature: 0.2,
          source: 'chat',
        },
        {},
        abort.signal,
      );
      const title = cleanGeneratedTitle(result.text);
      if (!title) return;
      const updated = deps.setGeneratedTitle(conversationId, title);
      if (updated) deps.onTitle(updated);
    } catch (error) {
      // The prompt's own title stays; a failure to name a chat is no failure of the chat.
      deps.onError?.(error);
    } finally {
      cancelTimer();
    }
  }

  return {
    /** Called after every stored answer; only the first answer of a chat still titled from its prompt starts a request. */
    afterAnswer(message: Message): void {
      if (message.status !== 'done' || message.setAside) return;
      const conversation = deps.summary(message.conversationId);
      if (!conversation || conversation.titleSource !== 'prompt') return;
      const answers = deps.turns(message.conversationId).filter((t) => t.role === 'assistant' && t.status === 'done');
      if (answers.length !== 1) return;
      const job = write(message.conversationId).finally(() => pending.delete(job));
      pending.add(job);
    },
    /** Waits for titles in flight, e.g. before closing the database. */
    async idle(): Promise<void> {
      await Promise.allSettled([...pending]);
    },
  };
}
