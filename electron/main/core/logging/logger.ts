/**
 * One log for every host (desktop, headless, CLI): a rotating file in the data
 * folder's `logs/`, through electron-log's Node build (no electron import, so
 * the core stays plain). Every line passes the redaction hook before any
 * transport sees it, so no transport can write a key.
 */
import { join } from 'node:path';
import { inspect } from 'node:util';
import log from 'electron-log/node';
import { redactLogText } from './log-redaction.js';

export interface Logger {
  info(...parts: unknown[]): void;
  warn(...parts: unknown[]): void;
  error(...parts: unknown[]): void;
  /** Where the files are, for "Open log folder". */
  readonly folder: string;
}

/** Rotated when the file passes this; the previous file is kept as main.old.log. */
export const MAX_LOG_BYTES = 5 * 1024 * 1024;

export const logFolderOf = (dataDir: string) => join(dataDir, 'logs');

export function createLogger(options: { dataDir: string; host: string; knownKeys: () => Iterable<string>; console?: boolean }): Logger {
  const folder = logFolderOf(options.dataDir);
  const logger = log.create({ logId: `switchboard-${options.host}-${folder}` });
  logger.transports.file.resolvePathFn = () => join(folder, 'main.log');
  logger.transports.file.maxSize = MAX_LOG_BYTES;
  logger.transports.file.format = `[{iso}] [${options.host}] [{level}] {text}`;
  // The CLI's stdout and stderr belong to its output contract; other hosts may opt in.
  if (!options.console) logger.transports.console.level = false;
  logger.hooks.push((message) => ({
    ...message,
    data: message.data.map((part: unknown) => redactLogText(typeof part === 'string' ? part : inspect(part, { depth: 4, breakLength: Infinity }), options.knownKeys())),
  }));
  return {
    info: (...parts) => logger.info(...parts),
    warn: (...parts) => logger.warn(...parts),
    error: (...parts) => logger.error(...parts),
    folder,
  };
}
