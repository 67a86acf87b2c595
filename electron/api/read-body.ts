/** Reads a JSON request body up to a limit; says in words what is wrong with one that is not. */
import type { IncomingMessage } from 'node:http';
import type { Parsed } from './api-request.js';

export async function readJsonBody(req: IncomingMessage, limit: number): Promise<Parsed<unknown> & { status?: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return { ok: false, status: 413, message: `The request body is larger than ${Math.round(limit / 1024 / 1024)} MiB.` };
    chunks.push(chunk);
  }
  if (size === 0) return { ok: false, message: 'The request has no body; send the request as JSON.' };
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, message: 'The request body is not valid JSON.' };
  }
}
