/** The local API's section in Settings: its state and its token (which, unlike a provider key, the user must see). */
import { z } from 'zod';
import { defineCall } from './define.js';

export const ApiInfoSchema = z.object({
  enabled: z.boolean(),
  running: z.boolean(),
  port: z.number().int(),
  /** `http://127.0.0.1:PORT/v1` while running. */
  url: z.string().optional(),
  error: z.string().optional(),
  token: z.string(),
  /** False: the token lives in memory only and changes at the next start. */
  tokenPersisted: z.boolean(),
  /** This host cannot run the API (the CLI runs it with `switchboard serve`). */
  hostServes: z.boolean(),
});
export type ApiInfo = z.infer<typeof ApiInfoSchema>;

export const apiCalls = {
  'api.info': defineCall(z.object({}).default({}), ApiInfoSchema),
  'api.rotateToken': defineCall(z.object({}).default({}), ApiInfoSchema),
};
