/**
 * The up arrow in an empty composer brings back earlier prompts, newest first,
 * and the down arrow goes forward again, back to an empty box. Typing ends the
 * browsing, so the arrows move the caret as usual in text being written.
 */
import { useState, type KeyboardEvent } from 'react';
import { loadPromptHistory } from '../../lib/prompt-history.js';

export interface PromptRecall {
  /** True when the key was used to recall a prompt. */
  onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): boolean;
  /** The user typed: the next up arrow starts from the newest prompt again. */
  typed(): void;
}

export function usePromptRecall(text: string, show: (text: string) => void): PromptRecall {
  const [index, setIndex] = useState(-1);
  return {
    onKeyDown(e) {
      if (e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return false;
      const box = e.currentTarget;
      const browsing = index >= 0;
      if (e.key === 'ArrowUp' && (text === '' || browsing) && !text.slice(0, box.selectionStart).includes('\n')) {
        const earlier = loadPromptHistory()[index + 1];
        if (earlier === undefined) return false;
        e.preventDefault();
        setIndex(index + 1);
        show(earlier);
        return true;
      }
      if (e.key === 'ArrowDown' && browsing && !text.slice(box.selectionEnd).includes('\n')) {
        e.preventDefault();
        setIndex(index - 1);
        show(index - 1 >= 0 ? (loadPromptHistory()[index - 1] ?? '') : '');
        return true;
      }
      return false;
    },
    typed() {
      if (index !== -1) setIndex(-1);
    },
  };
}
