/** Handlers for a conversation's setup and for compare mode. */
import type { conversationCalls } from '../../../../shared/contract/calls-conversations.js';
import type { Handlers } from '../../../../shared/contract/index.js';
import type { ChatService } from '../chat/chat-service.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../router/types.js';
import type { ConversationStore } from '../store/conversations/conversation-store.js';
import type { ConversationPatch } from '../store/conversations/conversation-setup.js';

type ConversationHandlers = Pick<Handlers, keyof typeof conversationCalls>;

export interface ConversationHandlerDeps {
  chat: ChatService;
  conversations: ConversationStore;
  events: EventBus;
  clock: Clock;
}

export function conversationHandlers(deps: ConversationHandlerDeps): ConversationHandlers {
  return {
    'conversations.update': async ({ id, pinned, ...fields }) => {
      const patch: ConversationPatch = { ...fields };
      if (pinned !== undefined) patch.pinnedAt = pinned ? deps.clock.now() : null;
      const conversation = deps.conversations.update(id, patch);
      if (!conversation) throw new Error('That conversation no longer exists.');
      deps.events.emit('conversations.updated', { conversation });
      return conversation;
    },
    'compare.start': async (input) => {
      const { finished: _finished, ...started } = deps.chat.compare(input);
      return started;
    },
    'compare.pick': async ({ conversationId, compareId, messageId }) => ({ picked: deps.chat.pick(conversationId, compareId, messageId) }),
  };
}
