/**
 * The CLI: `switchboard <ask|history|export|import|doctor|health|usage|selftest|models|keys|serve> …` on the same core and settings
 * as the app. Exit 0 on success, 1 when a request failed, 2 on a usage error;
 * every error is one line, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../main/core/app-core.js';
import { resolveConfigFile, resolveDataDir, UsageError } from '../main/core/host-options.js';
import { COMMON_OPTIONS, oneLine, parseCommandArgs } from './args.js';
import { readPrompt } from './prompt-input.js';
import { ask } from './commands/ask.js';
import { doctor } from './commands/doctor.js';
import { health } from './commands/health.js';
import { usage } from './commands/usage.js';
import { selftest } from './commands/selftest.js';
import { keys } from './commands/keys.js';
import { models } from './commands/models.js';
import { serve } from './commands/serve.js';
import { createOutput, type Output } from './output.js';
import { history } from './commands/history.js';
import { exportCommand, importCommand } from './commands/transfer.js';
import { openStorage } from '../main/core/store/storage.js';
import type { Notice } from '../../shared/contract/calls-settings.js';
import { SettingsError } from '../main/core/store/settings-error.js';
import { nodeEngineLauncher } from '../main/core/providers/engine/node-launcher.js';

const USAGE = `usage: switchboard <command> [flags]
  ask [--task TYPE|auto] [--provider ID [--model ID]] [--save | --conversation ID] [--config FILE] [--data-dir DIR] [--json] PROMPT|-
      (with no PROMPT, or "-", the prompt is read from stdin)
  history [--limit N] [--search QUERY] [--data-dir DIR] [--json]
  export ID [--format json|md] [--data-dir DIR]
  import FILE [--data-dir DIR] [--json]
  doctor [--config FILE] [--json]
  health [--config FILE] [--data-dir DIR] [--json]
  usage [--since YYYY-MM-DD] [--by day|provider|model|task|source] [--data-dir DIR] [--json|--csv]
  selftest [--dry-run] [--config FILE] [--data-dir DIR] [--json]   (built-in prompts through auto on your routes)
  models [--provider ID] [--config FILE] [--json]
  keys set PROVIDER | keys list [--json] | keys delete PROVIDER
  serve [--port N] [--config FILE] [--data-dir DIR]   (the local OpenAI- and Anthropic-compatible API)`;

const COMMAND_OPTIONS = {
  ask: {
    ...COMMON_OPTIONS,
    task: { type: 'string' },
    provider: { type: 'string' },
    model: { type: 'string' },
    save: { type: 'boolean' },
    conversation: { type: 'string' },
  },
  history: { ...COMMON_OPTIONS, limit: { type: 'string' }, search: { type: 'string' } },
  export: { ...COMMON_OPTIONS, format: { type: 'string' } },
  import: COMMON_OPTIONS,
  doctor: COMMON_OPTIONS,
  health: COMMON_OPTIONS,
  selftest: { ...COMMON_OPTIONS, 'dry-run': { type: 'boolean' } },
  usage: { ...COMMON_OPTIONS, since: { type: 'string' }, by: { type: 'string' }, csv: { type: 'boolean' } },
  models: { ...COMMON_OPTIONS, provider: { type: 'string' } },
  keys: COMMON_OPTIONS,
  serve: { ...COMMON_OPTIONS, port: { type: 'string' } },
} as const;

type Command = keyof typeof COMMAND_OPTIONS;
const isCommand = (name: string | undefined): name is Command => name !== undefined && Object.hasOwn(COMMAND_OPTIONS, name);

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (!isCommand(command)) throw new UsageError(`unknown command "${command}" (try: ask, history, export, import, doctor, health, usage, selftest, models, keys, serve)`);
  const { values, positionals } = parseCommandArgs(rest, COMMAND_OPTIONS[command]);
  const flags = values as Record<string, string | boolean | undefined>;
  const str = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  const out = createOutput(flags.json === true);
  const takes = command === 'export' || command === 'import' ? 1 : command === 'ask' || command === 'keys' ? Infinity : 0;
  if (positionals.length > takes) throw new UsageError(`unexpected argument "${positionals[takes]}"`);
  if (command === 'history' || command === 'export' || command === 'import' || command === 'usage') {
    // These read and write the database only: no settings, keychain or providers to start.
    const storage = openStorage(resolveDataDir(str('data-dir')));
    storage.notices.forEach((notice) => printNotice(notice, out));
    try {
      if (command === 'history') return history(storage, { limit: str('limit'), search: str('search') }, out);
      if (command === 'export') return exportCommand(storage, positionals[0], str('format'), out);
      if (command === 'usage') return usage(storage, { since: str('since'), by: str('by'), csv: flags.csv === true }, out, Date.now());
      return importCommand(storage, positionals[0], out);
    } finally {
      storage.close();
    }
  }
  const core: Core = await createCore({
    host: 'cli',
    engineLauncher: nodeEngineLauncher(),
    dataDir: resolveDataDir(str('data-dir')),
    configFile: resolveConfigFile(str('config')),
    version: readVersion(),
  });
  try {
    await printNotices(core, out);
    switch (command) {
      case 'ask': {
        const prompt = await readPrompt(positionals, process.stdin);
        return await ask(
          core,
          { prompt, task: str('task'), provider: str('provider'), model: str('model'), save: flags.save === true, conversation: str('conversation') },
          out,
        );
      }
      case 'doctor':
        return await doctor(core, out);
      case 'health':
        return health(core.health(), out, Date.now());
      case 'selftest':
        return await selftest(core, { dryRun: flags['dry-run'] === true }, out);
      case 'models':
        return await models(core, str('provider'), out);
      case 'keys':
        return await keys(core, positionals, out);
      case 'serve':
        return await serve(core, str('port'), out, interrupted());
    }
  } finally {
    await core.close();
  }
}

/**
 * What the app would show in its notice bar: settings that were reset, files
 * set aside, conversations moved into the database. The keychain's own state is
 * left to the commands that need it.
 */
async function printNotices(core: Core, out: Output): Promise<void> {
  const { notices } = await core.handlers['app.info']({}, { senderId: 0 });
  for (const notice of notices) {
    if ((notice.level !== 'info' || notice.id.startsWith('storage.')) && notice.id !== 'keychain.unavailable') printNotice(notice, out);
  }
}

/** Resolves at Ctrl-C or a TERM signal, so `serve` can close its port and the core cleanly. */
function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

function printNotice(notice: Notice, out: Output): void {
  out.note(`switchboard: ${notice.level}: ${oneLine(notice.text)}`);
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`switchboard: ${oneLine(message)}`);
    process.exitCode = error instanceof UsageError || SettingsError.is(error) ? 2 : 1;
  },
);
