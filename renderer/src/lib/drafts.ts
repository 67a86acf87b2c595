/**
 * What was typed or pasted but not sent, per conversation ("new" for a chat not
 * started yet), kept across restarts. Writes wait for a pause in typing, so a
 * long text is not serialised on every key.
 */
import { forgetSaved, readSaved, writeSaved } from './saved.js';

export interface Draft {
  text: string;
  /** Long pastes, kept apart from the text box (see pasted-blocks). */
  pasted: string[];
}

export const EMPTY_DRAFT: Draft = { text: '', pasted: [] };

const keyOf = (conversationId: string | undefined) => `draft.${conversationId ?? 'new'}`;
const WRITE_AFTER_MS = 400;

const isDraft = (v: unknown): v is Draft =>
  typeof v === 'object' && v !== null && typeof (v as Draft).text === 'string' && Array.isArray((v as Draft).pasted) && (v as Draft).pasted.every((p) => typeof p === 'string');

export function loadDraft(conversationId: string | undefined): Draft {
  return readSaved(keyOf(conversationId), isDraft) ?? EMPTY_DRAFT;
}

export interface DraftWriter {
  /** Kept after a pause in typing. */
  change(draft: Draft): void;
  /** Kept now (leaving the conversation, closing the window). */
  flush(): void;
}

export function draftWriter(conversationId: string | undefined): DraftWriter {
  let pending: Draft | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending === undefined) return;
    if (pending.text === '' && pending.pasted.length === 0) forgetSaved(keyOf(conversationId));
    else writeSaved(keyOf(conversationId), pending);
    pending = undefined;
  };
  return {
    change(draft) {
      pending = draft;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, WRITE_AFTER_MS);
    },
    flush,
  };
}

/** A deleted conversation's draft goes with it. */
export function forgetDraft(conversationId: string): void {
  forgetSaved(keyOf(conversationId));
}
