/** A `--config` file with one OpenAI provider on a fake server, its key read from `keyEnv`. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeProvider } from '../../fake-provider/index.js';

/** A `--config` file holding these settings, in a fresh folder. */
export function writeConfigFile(settings: Record<string, unknown>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sb-cfg-')), 'config.json');
  writeFileSync(file, JSON.stringify(settings));
  return file;
}

export function oneProviderConfig(fake: FakeProvider, keyEnv: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sb-cfg-')), 'config.json');
  writeFileSync(
    file,
    JSON.stringify({
      providers: [{ id: 'gpt', kind: 'openai', baseURL: fake.baseURL, apiKeyEnv: keyEnv, models: ['gpt-4o-mini'] }],
      routes: { general: [{ provider: 'gpt', model: 'gpt-4o-mini' }] },
    }),
  );
  return file;
}
