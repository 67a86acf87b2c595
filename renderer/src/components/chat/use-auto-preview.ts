/**
 * What `auto` would pick for the text being typed, asked of the router itself
 * (routing.preview), so the composer never has a detection of its own. Asked
 * after a pause in typing; an answer to an older text is dropped.
 */
import { useEffect, useState } from 'react';
import { MAX_PROMPT_CHARS } from '../../../../shared/chat.js';
import { useServices } from '../../services-context.js';

const ASK_AFTER_MS = 250;

export interface AutoPreview {
  taskType: string;
  reason: string;
}

export function useAutoPreview(text: string, active: boolean, conversationId: string | undefined): AutoPreview | undefined {
  const { client } = useServices();
  const [preview, setPreview] = useState<{ for: string; value: AutoPreview } | undefined>();
  const askable = active && text.trim() !== '' && text.length <= MAX_PROMPT_CHARS;

  useEffect(() => {
    if (!askable) return;
    let stale = false;
    const timer = setTimeout(() => {
      client
        .call('routing.preview', { text, taskType: 'auto', ...(conversationId ? { conversationId } : {}) })
        .then((r) => {
          if (!stale) setPreview({ for: text, value: { taskType: r.taskType, reason: r.reason } });
        })
        // A preview that cannot be had is simply not shown; sending says what is wrong.
        .catch(() => undefined);
    }, ASK_AFTER_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [client, text, askable, conversationId]);

  // The last answer stays shown while the next is asked for, so the label does not flicker.
  return askable ? preview?.value : undefined;
}
