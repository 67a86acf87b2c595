/** Handlers for chat and conversation calls. */
import type { chatCalls } from '../../../../shared/contract/calls-chat.js';
import type { Handlers } from '../../../../shared/contract/index.js';
import type { ChatService } from '../chat/chat-service.js';
import type { SearchHit } from '../../../../shared/chat.js';
import type { ConversationStore } from '../store/conversations/conversation-store.js';

type ChatHandlers = Pick<Handlers, keyof typeof chatCalls>;

export interface ChatHandlerDeps {
  chat: ChatService;
  conversations: ConversationStore;
  search: (query: string, limit?: number) => SearchHit[];
}

const GONE = 'That conversation no longer exists.';

/** Why a page could not be read: the conversation is gone, or only the message is. */
function missing(conversations: ConversationStore, id: string): never {
  throw new Error(conversations.summary(id) ? 'That message is no longer in this conversation.' : GONE);
}

export function chatHandlers(deps: ChatHandlerDeps): ChatHandlers {
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
      if (!found) throw new Error(GONE);
      return found;
    },
    'conversations.page': async ({ id, before, limit }) => deps.conversations.page(id, before, limit) ?? missing(deps.conversations, id),
    'conversations.pageAround': async ({ conversationId, messageId, before, after }) =>
      deps.conversations.around(conversationId, messageId, before, after) ?? missing(deps.conversations, conversationId),
    'conversations.search': async ({ query, limit }) => ({ hits: deps.search(query, limit) }),
    'conversations.delete': async ({ id }) => {
      // A stream left running would write its answer into a conversation that is gone.
      await deps.chat.stopIn(id);
      return { deleted: deps.conversations.delete(id) };
    },
    'conversations.deleteMessage': async ({ conversationId, messageId }) => {
      if (deps.chat.streaming(messageId)) throw new Error('This answer is still streaming: stop it first, then delete it.');
      return { deleted: deps.conversations.deleteMessage(conversationId, messageId) };
    },
  };
}
