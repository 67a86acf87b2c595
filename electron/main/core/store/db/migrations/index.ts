/** Every schema step in order. A new step is a new file here; a shipped one never changes. */
import type { Migration } from '../migrate.js';
import { conversations } from './001-conversations.js';
import { attempts } from './002-attempts.js';
import { search } from './003-search.js';
import { routerState } from './004-router-state.js';
import { answerShape } from './005-answer-shape.js';
import { conversationSetup } from './006-conversation-setup.js';
import { attemptPrices } from './007-attempt-prices.js';

export const MIGRATIONS: readonly Migration[] = [conversations, attempts, search, routerState, answerShape, conversationSetup, attemptPrices];
export const SCHEMA_VERSION = MIGRATIONS.length;
