import type { Exchange } from './exchange.js';
import { sendError } from './exchange.js';
import { isRecord, pause, sendJson } from './http-io.js';
import { writeStream, type StreamPlan } from './stream-writer.js';
import { DEFAULT_PULLABLE, canonicalModel, modelDigest, modelSize } from './ollama-catalogue.js';
import { createHash } from 'node:crypto';

const line = (payload: unknown): string => `${JSON.stringify(payload)}\n`;

/** Ollama accepts `model`, and the deprecated `name` that ollama-js still sends. */
function modelName(body: Record<string, unknown>): string | undefined {
  const name = body.model ?? body.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function progressLines(name: string): string[] {
  const digest = modelDigest(name);
  const total = modelSize(name);
  const layer = (hex: string, size: number, completed: number): string =>
    // `completed` is omitted until it is non-zero, as the server does.
    line({ status: `pulling ${hex.slice(0, 12)}`, digest: `sha256:${hex}`, total: size, ...(completed > 0 ? { completed } : {}) });
  const lines = [line({ status: 'pulling manifest' })];
  for (const share of [0, 0.25, 0.5, 0.75, 1]) lines.push(layer(digest, total, Math.floor(total * share)));
  for (const extra of ['template', 'license', 'params']) {
    const hex = createHash('sha256').update(`${name}/${extra}`).digest('hex');
    lines.push(layer(hex, 96 + extra.length * 100, 96 + extra.length * 100));
  }
  lines.push(line({ status: 'verifying sha256 digest' }), line({ status: 'writing manifest' }), line({ status: 'removing unused layers' }));
  return lines;
}

export async function servePull(ex: Exchange): Promise<void> {
  if (!isRecord(ex.body)) return sendError(ex, 400, { message: 'missing request body' });
  const requested = modelName(ex.body);
  if (requested === undefined) return sendError(ex, 400, { message: 'model is required' });
  const name = canonicalModel(requested);
  const pullable = (ex.state.options.pullable ?? DEFAULT_PULLABLE).map(canonicalModel);
  const known = pullable.includes(name);
  const delayMs = ex.state.options.pullDelayMs ?? 0;
  const install = (): void => {
    if (!ex.state.models.includes(name)) ex.state.models.push(name);
  };
  const failure = 'pull model manifest: file does not exist';

  if (ex.body.stream === false) {
    // Without streaming the server waits for the whole pull and reports errors as a 500.
    await pause(delayMs * (known ? progressLines(name).length : 1), ex.signal);
    if (!known) return sendJson(ex.res, 500, { error: failure }, ex.headers);
    install();
    return sendJson(ex.res, 200, { status: 'success' }, ex.headers);
  }
  const plan: StreamPlan = {
    contentType: 'application/x-ndjson',
    headers: ex.headers,
    head: [],
    chunks: known ? progressLines(name) : [line({ status: 'pulling manifest' })],
    // A registry failure still arrives with HTTP 200, as a line after "pulling manifest".
    tail: [known ? line({ status: 'success' }) : line({ error: failure })],
    errorFrame: (text) => line({ error: text ?? 'max retries exceeded: unexpected EOF' }),
    malformedFrame: '{"status":"pulling\n',
    onComplete: () => (known ? install() : undefined),
  };
  await writeStream(ex.res, plan, ex.fault, { tokenDelayMs: delayMs, signal: ex.signal });
}

export function serveDelete(ex: Exchange): void {
  if (!isRecord(ex.body)) return sendError(ex, 400, { message: 'missing request body' });
  const requested = modelName(ex.body);
  if (requested === undefined) return sendError(ex, 400, { message: 'model is required' });
  const name = canonicalModel(requested);
  const index = ex.state.models.indexOf(name);
  if (index < 0) return sendError(ex, 404, { message: `model '${requested}' not found` });
  ex.state.models.splice(index, 1);
  ex.state.loaded.delete(name);
  // Success is an empty 200; ollama-js does not read it.
  ex.res.writeHead(200, { ...ex.headers, 'content-length': '0' });
  ex.res.end();
}
