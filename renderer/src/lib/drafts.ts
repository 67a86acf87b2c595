/**
 * The text typed but not sent, per conversation ("new" for a chat not started
 * yet), kept across restarts. Writes wait for a pause in typing, so a long text
 * is not serialised on every key.
 */
import { forgetSaved, isString, readSaved, writeSaved } from './saved.js';

const keyOf = (conversationId: string | undefined) => `draft.${conversationId ?? 'new'}`;
const WRITE_AFTER_MS = 400;

export function loadDraft(conversationId: string | undefined): string {
  return readSaved(keyOf(conversationId), isString) ?? '';
}

export interface DraftWriter {
  /** Kept after a pause in typing. */
  change(text: string): void;
  /** Kept now (leaving the conversation, closing the window). */
  flush(): void;
}

export function draftWriter(conversationId: string | undefined): DraftWriter {
  let pending: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending === undefined) return;
    if (pending === '') forgetSaved(keyOf(conversationId));
    else writeSaved(keyOf(conversationId), pending);
    pending = undefined;
  };
  return {
    change(text) {
      pending = text;
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
