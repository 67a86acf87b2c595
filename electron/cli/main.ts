/**
 * The CLI: `switchboard <ask|doctor|models|keys> …` on the same core and settings
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
import { keys } from './commands/keys.js';
import { models } from './commands/models.js';
import { createOutput } from './output.js';
import { SettingsError } from '../main/core/store/settings-error.js';

const USAGE = `usage: switchboard <command> [flags]
  ask [--task TYPE|auto] [--provider ID [--model ID]] [--config FILE] [--data-dir DIR] [--json] PROMPT|-
      (with no PROMPT, or "-", the prompt is read from stdin)
  doctor [--config FILE] [--json]
  models [--provider ID] [--config FILE] [--json]
  keys set PROVIDER | keys list [--json] | keys delete PROVIDER`;

const COMMAND_OPTIONS = {
  ask: { ...COMMON_OPTIONS, task: { type: 'string' }, provider: { type: 'string' }, model: { type: 'string' } },
  doctor: COMMON_OPTIONS,
  models: { ...COMMON_OPTIONS, provider: { type: 'string' } },
  keys: COMMON_OPTIONS,
} as const;

type Command = keyof typeof COMMAND_OPTIONS;
const isCommand = (name: string | undefined): name is Command => name !== undefined && Object.hasOwn(COMMAND_OPTIONS, name);

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (!isCommand(command)) throw new UsageError(`unknown command "${command}" (try: ask, doctor, models, keys)`);
  const { values, positionals } = parseCommandArgs(rest, COMMAND_OPTIONS[command]);
  const flags = values as Record<string, string | boolean | undefined>;
  const str = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  const out = createOutput(flags.json === true);
  if (command !== 'ask' && command !== 'keys' && positionals.length > 0) {
    throw new UsageError(`unexpected argument "${positionals[0]}"`);
  }
  const core: Core = await createCore({
    host: 'cli',
    dataDir: resolveDataDir(str('data-dir')),
    configFile: resolveConfigFile(str('config')),
    version: readVersion(),
  });
  try {
    await printNotices(core, out);
    switch (command) {
      case 'ask': {
        const prompt = await readPrompt(positionals, process.stdin);
        return await ask(core, { prompt, task: str('task'), provider: str('provider'), model: str('model') }, out);
      }
      case 'doctor':
        return await doctor(core, out);
      case 'models':
        return await models(core, str('provider'), out);
      case 'keys':
        return await keys(core, positionals, out);
    }
  } finally {
    await core.close();
  }
}

/**
 * What the app would show in its notice bar: settings that were reset, files
 * set aside. The keychain's own state is left to the commands that need it.
 */
async function printNotices(core: Core, out: ReturnType<typeof createOutput>): Promise<void> {
  const { notices } = await core.handlers['app.info']({}, { senderId: 0 });
  for (const notice of notices) {
    if (notice.level !== 'info' && notice.id !== 'keychain.unavailable') out.note(`switchboard: ${notice.level}: ${oneLine(notice.text)}`);
  }
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
