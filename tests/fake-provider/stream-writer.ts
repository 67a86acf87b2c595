import type { ServerResponse } from 'node:http';
import type { Fault } from './types.js';
import { pause, writeFlushed, type Headers } from './http-io.js';

/** One streamed answer as wire frames, so faults can be placed between content frames. */
export interface StreamPlan {
  contentType: string;
  headers: Headers;
  /** Frames before the first text (OpenAI role chunk, Anthropic message_start...). */
  head: string[];
  /** One frame per text chunk; `afterChunks` counts these. */
  chunks: string[];
  /** Finish, usage and terminator frames. */
  tail: string[];
  errorFrame: (message: string | undefined) => string;
  malformedFrame: string;
  /** Runs only when the whole answer, terminator included, was written. */
  onComplete: () => void;
}

export interface Pacing {
  tokenDelayMs: number;
  signal: AbortSignal;
}

type ChunkFault = Extract<Fault, { afterChunks: number }>;

function chunkFault(fault: Fault | undefined): ChunkFault | undefined {
  return fault && 'afterChunks' in fault ? fault : undefined;
}

/** Returns true when the stream must stop here. */
async function applyChunkFault(res: ServerResponse, plan: StreamPlan, fault: ChunkFault, pacing: Pacing): Promise<boolean> {
  switch (fault.type) {
    case 'error-mid-stream':
      await writeFlushed(res, plan.errorFrame(fault.message));
      res.end();
      return true;
    case 'cut-connection':
      res.socket?.destroy();
      return true;
    case 'no-terminator':
      res.end();
      return true;
    case 'malformed-chunk':
      await writeFlushed(res, plan.malformedFrame);
      return false;
    case 'stall-mid-stream':
      await pause(fault.ms, pacing.signal);
      return false;
  }
}

export async function writeStream(res: ServerResponse, plan: StreamPlan, fault: Fault | undefined, pacing: Pacing): Promise<void> {
  res.writeHead(200, { ...plan.headers, 'content-type': plan.contentType, 'cache-control': 'no-cache' });
  res.flushHeaders();
  res.socket?.setNoDelay(true);
  if (fault?.type === 'stall-before-first-token') await pause(fault.ms, pacing.signal);
  for (const frame of plan.head) await writeFlushed(res, frame);

  const tokenDelay = fault?.type === 'slow-tokens' ? fault.delayMs : pacing.tokenDelayMs;
  const midFault = chunkFault(fault);
  const faultAt = midFault ? Math.max(0, Math.min(midFault.afterChunks, plan.chunks.length)) : -1;
  for (let i = 0; i <= plan.chunks.length; i++) {
    if (midFault && i === faultAt && (await applyChunkFault(res, plan, midFault, pacing))) return;
    const frame = plan.chunks[i];
    if (frame === undefined) break;
    await pause(tokenDelay, pacing.signal);
    await writeFlushed(res, frame);
  }
  for (const frame of plan.tail) await writeFlushed(res, frame);
  res.end();
  plan.onComplete();
}
