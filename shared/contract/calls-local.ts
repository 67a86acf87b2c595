/**
 * Local model management on Ollama: installed and loaded models, pull with
 * progress (reported by the `ollama.pull.progress` event), cancel, delete.
 */
import { z } from 'zod';
import { defineCall } from './define.js';

const ModelName = z
  .string()
  .trim()
  .min(1, 'enter a model name such as llama3.2')
  .max(200)
  .regex(/^[A-Za-z0-9._:/-]+$/, 'model names are letters, digits and . _ : / -');

export const LocalModelSchema = z.object({
  name: z.string(),
  sizeBytes: z.number().nonnegative(),
  modifiedAt: z.string().optional(),
  parameterSize: z.string().optional(),
  quantization: z.string().optional(),
  loaded: z.boolean(),
});
export type LocalModel = z.infer<typeof LocalModelSchema>;

export const PullProgressSchema = z.object({
  jobId: z.string(),
  model: z.string(),
  status: z.string(),
  completedBytes: z.number().nonnegative().optional(),
  totalBytes: z.number().nonnegative().optional(),
  percent: z.number().min(0).max(100).optional(),
  done: z.boolean(),
  error: z.string().optional(),
});
export type PullProgress = z.infer<typeof PullProgressSchema>;

export const localCalls = {
  'ollama.models': defineCall(
    z.object({}).default({}),
    z.object({ reachable: z.boolean(), baseURL: z.string(), models: z.array(LocalModelSchema), error: z.string().optional() }),
  ),
  'ollama.pull': defineCall(z.object({ model: ModelName }), z.object({ jobId: z.string() })),
  'ollama.pullCancel': defineCall(z.object({ jobId: z.string().min(1) }), z.object({ cancelled: z.boolean() })),
  'ollama.delete': defineCall(z.object({ model: ModelName }), z.object({ deleted: z.boolean() })),
};
