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
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    // node's messages are already one line, e.g. "Unknown option '--foo'".
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}
