import type { ServerResponse } from 'node:http';
import type { Fault } from './types.js';
import { pause, sendJson, writeFlushed, type Headers } from './http-io.js';

export interface ErrorReply {
  status: number;
  body: unknown;
  headers: Headers;
}

/** One non-streamed answer, plus the variants the stream-shaped faults turn it into. */
export interface BodyPlan {
  headers: Headers;
  body: unknown;
  chunkCount: number;
  /** The answer cut to `chunks` chunks and left unfinished (finish_reason null, done false...). */
  unfinished: (chunks: number) => unknown;
  /** What the server says when generation fails before anything was written. */
  failure: (message: string | undefined) => ErrorReply;
  onComplete: () => void;
}

/**
 * Non-stream replies have no frames, so stream faults map onto the one body: a cut
 * or malformed reply is half the JSON, a stall delays the body, a mid-stream error
 * becomes the protocol's server error, and no-terminator an unfinished answer.
 */
export async function writeBody(res: ServerResponse, plan: BodyPlan, fault: Fault | undefined, pacing: { tokenDelayMs: number; signal: AbortSignal }): Promise<void> {
  const tokenDelay = fault?.type === 'slow-tokens' ? fault.delayMs : pacing.tokenDelayMs;
  await pause(tokenDelay * plan.chunkCount, pacing.signal);
  if (fault?.type === 'stall-mid-stream') await pause(fault.ms, pacing.signal);

  const text = JSON.stringify(plan.body);
  const half = text.slice(0, Math.floor(text.length / 2));
  switch (fault?.type) {
    case 'error-mid-stream': {
      const failure = plan.failure(fault.message);
      sendJson(res, failure.status, failure.body, { ...plan.headers, ...failure.headers });
      return;
    }
    case 'cut-connection':
      res.writeHead(200, { ...plan.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
      await writeFlushed(res, half);
      res.socket?.destroy();
      return;
    case 'malformed-chunk':
      sendRaw(res, half, plan.headers);
      return;
    case 'no-terminator':
      sendJson(res, 200, plan.unfinished(fault.afterChunks), plan.headers);
      return;
    case 'stall-before-first-token':
      res.writeHead(200, { ...plan.headers, 'content-type': 'application/json' });
      res.flushHeaders();
      await pause(fault.ms, pacing.signal);
      res.end(text);
      plan.onComplete();
      return;
    default:
      sendJson(res, 200, plan.body, plan.headers);
      plan.onComplete();
  }
}

function sendRaw(res: ServerResponse, text: string, headers: Headers): void {
  res.writeHead(200, { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}
