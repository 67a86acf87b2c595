/**
 * What goes into the log: one line per answered or failed message (with each
 * attempt's provider, outcome, status and request id, which is what a bug
 * report needs) and every notice. Never the text of a conversation.
 */
import type { Message } from '../../../../shared/chat.js';
import type { EventBus } from '../events/event-bus.js';
import type { Logger } from './logger.js';

function attempts(message: Message): string {
  return (message.attempts ?? [])
    .map((a) => `${a.provider}/${a.model}:${a.outcome}${a.status ? ` ${a.status}` : ''}${a.errorKind ? ` ${a.errorKind}` : ''}${a.requestId ? ` req=${a.requestId}` : ''}${a.message ? ` "${a.message}"` : ''}`)
    .join(', ');
}

export function logCoreEvents(events: EventBus, log: Logger): () => void {
  return events.subscribe((name, payload) => {
    if (name === 'chat.done') {
      const { message } = payload as { message: Message };
      log.info(`answered ${message.id} by ${message.provider ?? '?'}/${message.model ?? '?'} in ${Math.round(message.latencyMs ?? 0)} ms; attempts: ${attempts(message)}`);
    } else if (name === 'chat.error') {
      const { message } = payload as { message: Message };
      log.warn(`failed ${message.id}: ${message.error?.kind ?? 'error'}: ${message.error?.message ?? ''}; attempts: ${attempts(message)}`);
    } else if (name === 'notice') {
      const notice = payload as { level: string; id: string; text: string };
      (notice.level === 'info' ? log.info : log.warn)(`notice ${notice.id}: ${notice.text}`);
    }
  });
}
