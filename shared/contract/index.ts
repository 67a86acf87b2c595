/**
 * The whole IPC contract: every call (renderer → main, validated in main) and
 * every event (main → renderer). Hosts, the preload and the renderer client are
 * all derived from this object, so a call added here must be handled everywhere.
 */

import { chatCalls } from './calls-chat.js';
import { providerCalls } from './calls-providers.js';
import { settingsCalls } from './calls-settings.js';
import { localCalls } from './calls-local.js';
import { linkCalls } from './calls-links.js';
import { apiCalls } from './calls-api.js';
import { conversationCalls } from './calls-conversations.js';
import { healthCalls } from './calls-health.js';
import { engineCalls } from './calls-engine.js';
import { engineCudaCalls } from './calls-engine-cuda.js';
import { transferCalls } from './calls-transfer.js';
import type { CallInput, CallOutput, CallSpec, ParsedInput } from './define.js';
import { events, type EventName, type EventPayload } from './events.js';

export const calls = { ...chatCalls, ...providerCalls, ...settingsCalls, ...localCalls, ...linkCalls, ...apiCalls, ...engineCalls, ...engineCudaCalls, ...healthCalls, ...conversationCalls, ...transferCalls } satisfies Record<string, CallSpec>;
export { events };
export type { EventName, EventPayload };

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallArgs<N extends CallName> = CallInput<Calls[N]>;
export type CallResult<N extends CallName> = CallOutput<Calls[N]>;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** What a handler may know about its caller: never the raw IPC event or WebContents. */
export interface CallContext {
  /** Electron window id, or the WebSocket connection id in browser mode. */
  senderId: number;
}

/** Closed and exhaustive: a call without a handler, or a handler without a call, fails to compile. */
export type Handlers = {
  [N in CallName]: (input: ParsedInput<Calls[N]>, ctx: CallContext) => Promise<CallOutput<Calls[N]>>;
};

/** The error a call rejects with when its input does not match the contract. */
export class ContractInputError extends Error {
  override readonly name = 'ContractInputError';
}

/** Parses a call's raw input against its schema, naming the wrong field in user words. */
export function parseCallInput<N extends CallName>(name: N, raw: unknown): ParsedInput<Calls[N]> {
  const spec: CallSpec = calls[name];
  const result = spec.input.safeParse(raw === undefined ? {} : raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new ContractInputError(`${where}${issue?.message ?? 'invalid input'}`);
  }
  return result.data as ParsedInput<Calls[N]>;
}

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** IPC channel names, prefixed so they never clash with Electron's own. */
export const callChannel = (name: CallName): string => `sb:call:${name}`;
export const EVENT_CHANNEL = 'sb:event';

/** What crosses any transport as the result of a call: a value, or an error in words. */
export type WireResult<T> = { ok: true; value: T } | { ok: false; error: WireError };
export interface WireError {
  message: string;
  code: 'invalid_input' | 'failed' | 'unknown_call';
}

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;
