/**
 * Prompts sent earlier, newest first, for the up arrow in an empty composer, like
 * a shell's history. Kept across restarts; a very long prompt is not kept (it
 * would crowd out the rest of the window's storage), and a repeat moves to the front.
 */
import { isStringList, readSaved, writeSaved } from './saved.js';

const KEY = 'prompt-history';
const MAX_ENTRIES = 50;
const MAX_KEPT_CHARS = 20_000;

export function loadPromptHistory(): string[] {
  return readSaved(KEY, isStringList) ?? [];
}

export function rememberPrompt(text: string): string[] {
  const list = loadPromptHistory();
  if (text.trim() === '' || text.length > MAX_KEPT_CHARS) return list;
  const next = [text, ...list.filter((t) => t !== text)].slice(0, MAX_ENTRIES);
  writeSaved(KEY, next);
  return next;
}
