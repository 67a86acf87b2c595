/**
 * The built-in engine's models: the installed list with the engine's state,
 * downloads from the curated list (progress by the `engine.download.progress`
 * event; pause keeps the part, a later download resumes it; cancel deletes it),
 * a .gguf file picked where it is, and delete.
 */
import { z } from 'zod';
import { defineCall } from './define.js';

const CatalogId = z.string().trim().min(1).max(100);
const ModelId = z.string().trim().min(1, 'choose a model').max(4096);

export const EngineModelSchema = z.object({ id: z.string(), sizeBytes: z.number().nonnegative(), external: z.boolean() });
export type EngineModel = z.infer<typeof EngineModelSchema>;

export const EngineStatusSchema = z.object({
  /** Whether this host can run the engine at all. */
  available: z.boolean(),
  loaded: z.boolean(),
  modelPath: z.string().optional(),
  /** Where it runs: the CPU, or the GPU through Metal, Vulkan or CUDA. */
  backend: z.enum(['cpu', 'metal', 'vulkan', 'cuda']).optional(),
  memoryBytes: z.number().nonnegative().optional(),
  contextSize: z.number().int().positive().optional(),
  tokensPerSec: z.number().nonnegative().optional(),
  /** CUDA support is installed but the engine is not on it, and why. */
  gpuNote: z.string().optional(),
});
export type EngineStatusView = z.infer<typeof EngineStatusSchema>;

export const EngineDownloadProgressSchema = z.object({
  catalogId: z.string(),
  state: z.enum(['downloading', 'paused', 'done', 'cancelled', 'error']),
  receivedBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative().optional(),
  error: z.string().optional(),
});
export type EngineDownloadProgress = z.infer<typeof EngineDownloadProgressSchema>;

export const engineCalls = {
  'engine.models': defineCall(
    z.object({}).default({}),
    z.object({
      models: z.array(EngineModelSchema),
      folder: z.string(),
      status: EngineStatusSchema,
      downloads: z.array(EngineDownloadProgressSchema),
      /** Whether this host has a system file picker (the desktop app does; a browser tab cannot hand over a path). */
      canChooseFile: z.boolean(),
    }),
  ),
  'engine.download': defineCall(z.object({ catalogId: CatalogId }), z.object({ started: z.boolean() })),
  'engine.downloadPause': defineCall(z.object({ catalogId: CatalogId }), z.object({ paused: z.boolean() })),
  'engine.downloadCancel': defineCall(z.object({ catalogId: CatalogId }), z.object({ cancelled: z.boolean() })),
  'engine.pick': defineCall(z.object({ path: z.string().trim().min(1, 'enter the path of a .gguf file').max(4096) }), EngineModelSchema),
  /** The system file picker, filtered to .gguf; the chosen file is added as `engine.pick` would. Null when the user cancels. */
  'engine.chooseFile': defineCall(z.object({}).default({}), EngineModelSchema.nullable()),
  'engine.delete': defineCall(z.object({ id: ModelId }), z.object({ deleted: z.boolean() })),
};
