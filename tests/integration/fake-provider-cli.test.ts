/** The standalone runner announces its address and serves until killed. */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Ollama } from 'ollama';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('fake-provider cli', () => {
  it('prints one listening line and answers ollama-js', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fake-provider/cli.ts', '--protocol', 'ollama', '--port', '0', '--models', 'a:1b,b'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      expect(line).toMatch(/^fake-provider ollama listening on http:\/\/127\.0\.0\.1:\d+$/);
      const client = new Ollama({ host: line.split(' ').at(-1) });
      expect((await client.list()).models.map((m) => m.name)).toEqual(['a:1b', 'b:latest']);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
