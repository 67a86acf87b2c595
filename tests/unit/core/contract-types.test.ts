/**
 * The contract's promises that live in the type system: a handler map missing a
 * call, or carrying one the contract does not have, does not compile. `tsc` runs
 * over this file in `npm test`; an `@ts-expect-error` with no error fails it.
 */
import { describe, expect, it } from 'vitest';
import { CALL_NAMES, calls, events, EVENT_NAMES, type Handlers } from '../../../shared/contract/index.js';

// Only type-checked, never run: the compiler is the judge of these two lines.
export function handlerMapsThatMustNotCompile(partial: Omit<Handlers, 'chat.cancel'>, full: Handlers): Handlers[] {
  // @ts-expect-error: 'chat.cancel' has no handler
  const missing: Handlers = { ...partial };
  const extra: Handlers = {
    ...full,
    // @ts-expect-error: no such call in the contract
    'chat.teleport': async () => ({}),
  };
  return [missing, extra];
}

describe('the contract', () => {
  it('declares every call with input and output schemas, and every event with a schema', () => {
    for (const name of CALL_NAMES) {
      expect(typeof calls[name].input.safeParse).toBe('function');
      expect(typeof calls[name].output.safeParse).toBe('function');
    }
    for (const name of EVENT_NAMES) expect(typeof events[name].safeParse).toBe('function');
    expect(CALL_NAMES).toContain('chat.send');
    expect(EVENT_NAMES).toEqual(expect.arrayContaining(['chat.delta', 'chat.done', 'chat.error', 'health.update']));
  });
});
