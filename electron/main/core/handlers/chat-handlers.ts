/** Handlers for chat and conversation calls. */
import type { chatCalls } from '../../../../shared/contract/calls-chat.js';
import type { Handlers } from '../../../../shared/contract/index.js';
import type { ChatService } from '../chat/chat-service.js';
import type { ConversationStore } from '../store/conversation-store.js';

type ChatHandlers = Pick<Handlers, keyof typeof chatCalls>;

export function chatHandlers(deps: { chat: ChatService; conversations: ConversationStore }): ChatHandlers {
  return {
    'chat.send': async (input) => {
      const { finished: _finished, ...sent } = deps.chat.send(input);
      return sent;
    },
    'chat.regenerate': async (input) => {
      const { finished: _finished, ...started } = deps.chat.regenerate(input);
      return started;
    },
    'chat.edit': async (input) => {
      const { finished: _finished, ...started } = deps.chat.edit(input);
      return started;
    },
    'chat.cancel': async ({ messageId }) => ({ cancelled: deps.chat.cancel(messageId) }),
    'conversations.list': async () => deps.conversations.list(),
    'conversations.get': async ({ id }) => {
      const found = deps.conversations.get(id);
      if (!found) throw new Error('That conversation no longer exists.');
      return found;
    },
    'conversations.delete': async ({ id }) => ({ deleted: deps.conversations.delete(id) }),
  };
}
