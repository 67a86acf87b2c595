/**
 * Runs one contract call for any host: parse the untrusted input against the
 * contract, run the handler, and turn every outcome into a WireResult whose
 * error is a sentence for the user, never a stack trace.
 */
import {
  ContractInputError,
  isCallName,
  parseCallInput,
  type CallContext,
  type CallName,
  type Handlers,
  type WireResult,
} from '../../../shared/contract/index.js';

export async function dispatchCall(
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
  ctx: CallContext,
): Promise<WireResult<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'unknown_call', message: `Unknown call "${String(name)}".` } };
  }
  try {
    const input = parseCallInput(name, rawInput);
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => Promise<unknown>;
    return { ok: true, value: await handler(input, ctx) };
  } catch (error) {
    if (error instanceof ContractInputError) {
      return { ok: false, error: { code: 'invalid_input', message: error.message } };
    }
    return { ok: false, error: { code: 'failed', message: userMessage(name, error) } };
  }
}

function userMessage(name: CallName, error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim() ? text : `"${name}" failed.`;
}
