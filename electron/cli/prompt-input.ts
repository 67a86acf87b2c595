/**
 * Where `ask` gets its prompt: the arguments, or stdin when they are "-" or
 * absent and stdin is not a terminal. Stdin lifts the command line's length
 * limit (about 128 KiB per argument on Linux), so a long prompt can be piped.
 */
import { MAX_PROMPT_CHARS } from '../../shared/chat.js';
import { UsageError } from '../main/core/host-options.js';

export async function readPrompt(positionals: string[], stdin: NodeJS.ReadableStream & { isTTY?: boolean }): Promise<string> {
  const fromArgs = positionals.join(' ');
  const wantsStdin = (positionals.length === 1 && positionals[0] === '-') || (positionals.length === 0 && !stdin.isTTY);
  const prompt = wantsStdin ? await readAll(stdin) : fromArgs;
  if (prompt.length > MAX_PROMPT_CHARS) {
    throw new UsageError(`the prompt is ${prompt.length.toLocaleString('en')} characters; the most one message can hold is ${MAX_PROMPT_CHARS.toLocaleString('en')}`);
  }
  return prompt;
}

/** Reads until EOF, stopping one character past the limit so a huge pipe is refused, not held. */
async function readAll(stdin: NodeJS.ReadableStream): Promise<string> {
  stdin.setEncoding('utf8');
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.length > MAX_PROMPT_CHARS) break;
  }
  return text;
}
