/**
 * The helpers that make the contract the single source of truth. A call is
 * `{ input, output }`; an event is a payload schema. Everything else (handler
 * map, preload surface, renderer client) is inferred from these declarations.
 */
import type { z } from 'zod';

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export function defineCall<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): CallSpec<I, O> {
  return { input, output };
}

export type CallInput<C extends CallSpec> = z.input<C['input']>;
export type ParsedInput<C extends CallSpec> = z.output<C['input']>;
export type CallOutput<C extends CallSpec> = z.output<C['output']>;
