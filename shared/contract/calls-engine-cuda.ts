/**
 * CUDA support for the built-in engine, an optional download (never in an
 * installer): what is on offer on this computer and its size, download with
 * progress (the `engine.cuda.progress` event) and cancel, and remove. After a
 * download or a remove the engine restarts, and reloads its model on the next answer.
 */
import { z } from 'zod';
import { EngineDownloadProgressSchema } from './calls-engine.js';
import { defineCall } from './define.js';

/** The model downloads' progress, without a catalog id (there is one CUDA package) and with an unpacking step instead of pause. */
export const CudaProgressSchema = EngineDownloadProgressSchema.omit({ catalogId: true }).extend({
  state: z.enum(['downloading', 'unpacking', 'done', 'cancelled', 'error']),
});
export type CudaProgress = z.infer<typeof CudaProgressSchema>;

export const CudaStatusSchema = z.object({
  /** Whether this OS and processor have a CUDA build at all. */
  offered: z.boolean(),
  /** Why not, in words for the user, when not offered. */
  reason: z.string().optional(),
  /** node-llama-cpp's package, at the exact version it loads. */
  packageName: z.string().optional(),
  version: z.string().optional(),
  installed: z.boolean(),
  /** Where it goes: the data folder's `engine-gpu/`. */
  folder: z.string().optional(),
  /** The tarball's size and what it takes unpacked, from the registry, before the user agrees. */
  downloadBytes: z.number().nonnegative().optional(),
  unpackedBytes: z.number().nonnegative().optional(),
  /** The registry could not be asked (no network, an error): the size is unknown. */
  sizeError: z.string().optional(),
  /** A download in progress. */
  progress: CudaProgressSchema.optional(),
});
export type CudaStatus = z.infer<typeof CudaStatusSchema>;

const None = z.object({}).default({});

export const engineCudaCalls = {
  'engine.cuda.status': defineCall(None, CudaStatusSchema),
  'engine.cuda.download': defineCall(None, z.object({ started: z.boolean() })),
  'engine.cuda.cancel': defineCall(None, z.object({ cancelled: z.boolean() })),
  'engine.cuda.remove': defineCall(None, z.object({ removed: z.boolean() })),
};
