/**
 * Passes an NDJSON body through line by line, and turns the first line that is
 * not JSON into an `{"error": …}` line, then ends the body. ollama-js would log
 * and skip a broken line, silently dropping text from the middle of an answer;
 * an error line instead makes it throw in order, after the good lines before it.
 */
export function strictNdjsonBody(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let pending = '';
  /** Returns false when the line was broken and the body has been ended. */
  const pass = (line: string, controller: TransformStreamDefaultController<Uint8Array>): boolean => {
    if (line.trim() === '') return true;
    try {
      JSON.parse(line);
      controller.enqueue(encoder.encode(`${line}\n`));
      return true;
    } catch {
      const error = `Malformed stream line from the server: ${line.slice(0, 80)}`;
      controller.enqueue(encoder.encode(`${JSON.stringify({ error })}\n`));
      controller.terminate();
      return false;
    }
  };
  let ended = false;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (ended) return;
        pending += decoder.decode(chunk, { stream: true });
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          if (!pass(line, controller)) {
            ended = true;
            return;
          }
        }
      },
      flush(controller) {
        if (ended) return;
        pass(pending + decoder.decode(), controller);
      },
    }),
  );
}
