/**
 * A file server like Hugging Face's download host as the downloader meets it:
 * Content-Length, Range requests answered with 206 and Content-Range (or ignored,
 * on request), and a connection that can be cut partway, as a flaky network does.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeFileServer {
  url: string;
  requests: IncomingHttpHeaders[];
  /** Bytes sent in body data, over all requests. */
  sentBytes: number;
  /** Cut the next response's connection after this many body bytes. */
  cutNextAfter(bytes: number): void;
  /** Answer every request with the whole file, as servers without Range support do. */
  ignoreRange: boolean;
  /** Pause between chunks, so a test can stop a download midway. */
  chunkDelayMs: number;
  close(): Promise<void>;
}

const CHUNK = 16 * 1024;

export async function startFileServer(file: Buffer): Promise<FakeFileServer> {
  let cutAt: number | undefined;
  const state: FakeFileServer = {
    url: '',
    requests: [],
    sentBytes: 0,
    cutNextAfter: (bytes) => (cutAt = bytes),
    ignoreRange: false,
    chunkDelayMs: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer(async (req, res) => {
    state.requests.push(req.headers);
    const range = state.ignoreRange ? undefined : /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = range?.[1] ? Number(range[1]) : 0;
    if (start >= file.length) {
      res.writeHead(416, { 'content-range': `bytes */${file.length}` }).end();
      return;
    }
    const body = file.subarray(start);
    res.writeHead(range ? 206 : 200, {
      'content-length': String(body.length),
      'accept-ranges': 'bytes',
      ...(range ? { 'content-range': `bytes ${start}-${file.length - 1}/${file.length}` } : {}),
    });
    const cut = cutAt;
    cutAt = undefined;
    for (let at = 0; at < body.length; at += CHUNK) {
      const piece = body.subarray(at, Math.min(at + CHUNK, cut ?? body.length));
      if (piece.length === 0 || req.destroyed) break;
      res.write(piece);
      state.sentBytes += piece.length;
      if (cut !== undefined && at + CHUNK >= cut) {
        // Let the bytes reach the client, then drop the connection mid-body.
        await new Promise((resolve) => setTimeout(resolve, 20));
        res.socket?.destroy();
        return;
      }
      if (state.chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, state.chunkDelayMs));
    }
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/model.gguf`;
  return state;
}
