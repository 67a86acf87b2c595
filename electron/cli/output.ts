/** How the CLI writes: JSON Lines for scripts, plain words for people. */
export interface Output {
  json: boolean;
  line(value: Record<string, unknown>): void;
  text(chunk: string): void;
  note(message: string): void;
}

export function createOutput(json: boolean, stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): Output {
  return {
    json,
    line: (value) => stdout.write(`${JSON.stringify(value)}\n`),
    text: (chunk) => stdout.write(chunk),
    note: (message) => stderr.write(`${message}\n`),
  };
}

export function formatCost(usd: number | undefined): string {
  if (usd === undefined) return '$?';
  if (usd === 0) return '$0';
  return usd < 0.01 ? `$${usd.toFixed(5)}` : `$${usd.toFixed(4)}`;
}
