/** Opening a link from an answer in the user's own browser (desktop app only). */
import { z } from 'zod';
import { defineCall } from './define.js';

export const linkCalls = {
  /** Main checks the URL again (http or https, no credentials) before handing it to the OS. */
  'links.open': defineCall(z.object({ url: z.string().min(1).max(8192) }), z.object({ opened: z.boolean() })),
};
