/**
 * Providers name their stop reasons differently (`stop`, `end_turn`, `length`,
 * `max_tokens`, `tool_calls`, `tool_use`); the API answers in its own format's words.
 */
export type Finish = 'stop' | 'length' | 'tool_calls';

export function finishOf(reason: string | undefined, toolCalls: number): Finish {
  if (toolCalls > 0 || reason === 'tool_calls' || reason === 'tool_use') return 'tool_calls';
  if (reason === 'length' || reason === 'max_tokens') return 'length';
  return 'stop';
}

export const ANTHROPIC_STOP: Record<Finish, string> = { stop: 'end_turn', length: 'max_tokens', tool_calls: 'tool_use' };
