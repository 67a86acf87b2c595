/**
 * Runs one fake provider until killed, for manual runs (`npm run fake-provider`); the
 * e2e tests start the fake in-process, and only tests/integration/fake-provider-cli.test.ts
 * spawns this CLI:
 *   tsx tests/fake-provider/cli.ts --protocol ollama --port 11434 [--api-key K] [--models a,b]
 *     [--flavor groq|ollama-openai|openrouter] [--token-delay-ms N] [--pull-delay-ms N]
 */
import { parseArgs } from 'node:util';
import { startFakeProvider } from './server.js';
import type { FakeOptions, Protocol } from './types.js';

const PROTOCOLS: readonly Protocol[] = ['openai', 'anthropic', 'ollama'];

function fail(message: string): never {
  console.error(`fake-provider: ${message}`);
  process.exit(2);
}

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) fail(`--${name} must be a non-negative integer`);
  return parsed;
}

const { values } = parseArgs({
  options: {
    protocol: { type: 'string' },
    port: { type: 'string' },
    'api-key': { type: 'string' },
    models: { type: 'string' },
    flavor: { type: 'string' },
    'token-delay-ms': { type: 'string' },
    'pull-delay-ms': { type: 'string' },
  },
});

const protocol = PROTOCOLS.find((name) => name === values.protocol) ?? fail(`--protocol must be one of ${PROTOCOLS.join(', ')}`);
const flavor = values.flavor;
if (flavor !== undefined && flavor !== 'groq' && flavor !== 'ollama-openai' && flavor !== 'openrouter') fail('--flavor must be groq, ollama-openai or openrouter');

const options: FakeOptions = {
  protocol,
  port: numberOption(values.port, 'port'),
  apiKey: values['api-key'],
  models: values.models?.split(',').map((name) => name.trim()).filter(Boolean),
  flavor,
  tokenDelayMs: numberOption(values['token-delay-ms'], 'token-delay-ms'),
  pullDelayMs: numberOption(values['pull-delay-ms'], 'pull-delay-ms'),
};

const fake = await startFakeProvider(options);
console.log(`fake-provider ${protocol} listening on ${fake.url}`);

const stop = (): void => {
  void fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
