/** Task types route a message to a chain of targets. Users may add their own ids. */
import { z } from 'zod';

export const BUILTIN_TASK_TYPES = [
  'general',
  'realtime',
  'code',
  'reasoning',
  'creative',
  'cheap',
  'long-context',
  'multilingual',
] as const;

export type BuiltinTaskType = (typeof BUILTIN_TASK_TYPES)[number];

/** Lowercase words joined by dashes, so ids stay safe in CLI flags and file names. */
export const TaskTypeIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'task type ids are lowercase letters, digits and dashes');
export type TaskTypeId = z.infer<typeof TaskTypeIdSchema>;

/** What a message may ask for: a concrete task type, or automatic detection. */
export const TaskChoiceSchema = z.union([z.literal('auto'), TaskTypeIdSchema]);
export type TaskChoice = z.infer<typeof TaskChoiceSchema>;
