/**
 * Flag parsing for every CLI command: strict, so an unknown flag or a missing
 * value is a usage error (exit 2) in one line, never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../main/core/host-options.js';

export const COMMON_OPTIONS = {
  config: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    // node's hints span lines; the one about positionals only confuses, the dash hint helps (`--task=-1`).
    throw new UsageError(oneLine((error as Error).message.replace(/\.\s+To specify a positional argument.*$/s, '')));
  }
  // `--provider=` parses as an empty value, which would quietly mean "no provider".
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === '') throw new UsageError(`--${name} needs a value`);
  }
  return parsed;
}

/** Errors print on one line even when they quote an argument that holds a newline. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
