/**
 * Reads the format before switchboard.db: `conversations/index.json` with one
 * `<id>.jsonl` file of message snapshots per conversation (the last snapshot of
 * an id wins), and `router-state.json`. Every file is validated and nothing
 * readable is dropped: a damaged index is rebuilt from the conversation files,
 * a torn or invalid line is skipped and counted, and what was set aside is
 * reported so the import can say so.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConversationSummarySchema, MessageSchema, type ConversationSummary, type Message } from '../../../../../shared/chat.js';
import { titleFrom } from '../../chat/history.js';
import { RouterSnapshotSchema, type RouterSnapshot } from '../../router/state.js';
import { INTERRUPTED_WORDS } from '../conversations/interrupted.js';

export const LEGACY_FOLDER = 'conversations';
export const LEGACY_STATE = 'router-state.json';
const FILE_ID = /^([A-Za-z0-9_-]{1,100})\.jsonl$/;

export interface LegacyConversation {
  summary: ConversationSummary;
  messages: Message[];
}

export interface LegacyData {
  conversations: LegacyConversation[];
  state?: RouterSnapshot;
  /** Files that could not be read as they are, each with what happened, in words. */
  setAside: string[];
}

export function hasLegacyData(dataDir: string): boolean {
  return existsSync(join(dataDir, LEGACY_FOLDER)) || existsSync(join(dataDir, LEGACY_STATE));
}

export function readLegacy(dataDir: string): LegacyData {
  const folder = join(dataDir, LEGACY_FOLDER);
  const setAside: string[] = [];
  const index = readIndex(join(folder, 'index.json'), setAside);
  const files = existsSync(folder) ? readdirSync(folder).flatMap((name) => FILE_ID.exec(name)?.[1] ?? []) : [];
  const ids = [...new Set([...(index?.keys() ?? []), ...files])];
  let skippedLines = 0;
  let damagedFiles = 0;
  const conversations = ids.map((id) => {
    const read = readMessages(join(folder, `${id}.jsonl`));
    skippedLines += read.skipped;
    if (read.skipped > 0) damagedFiles += 1;
    return { summary: summaryFor(id, index?.get(id), read.messages), messages: read.messages };
  });
  if (skippedLines > 0) {
    setAside.push(`${skippedLines} damaged line${skippedLines === 1 ? '' : 's'} in ${damagedFiles} conversation file${damagedFiles === 1 ? '' : 's'} could not be read`);
  }
  const state = readState(join(dataDir, LEGACY_STATE), setAside);
  return { conversations, ...(state ? { state } : {}), setAside };
}

function readJson(path: string): { ok: true; value: unknown } | { ok: false; reason: string } | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return { ok: true, value: JSON.parse(readFileSync(path, 'utf8')) };
  } catch (error) {
    return { ok: false, reason: error instanceof SyntaxError ? 'not valid JSON' : (error as Error).message };
  }
}

function readIndex(path: string, setAside: string[]): Map<string, ConversationSummary> | undefined {
  const read = readJson(path);
  if (!read) return undefined;
  const parsed = read.ok ? z.array(z.unknown()).safeParse(read.value) : undefined;
  if (!parsed?.success) {
    setAside.push(`conversations/index.json was damaged (${read.ok ? 'not a list of conversations' : read.reason}); the conversations were rebuilt from their own files`);
    return undefined;
  }
  const index = new Map<string, ConversationSummary>();
  for (const entry of parsed.data) {
    const summary = ConversationSummarySchema.safeParse(entry);
    if (summary.success && FILE_ID.test(`${summary.data.id}.jsonl`)) index.set(summary.data.id, summary.data);
  }
  if (index.size < parsed.data.length) setAside.push(`${parsed.data.length - index.size} entries of conversations/index.json were damaged; their conversations were rebuilt from their own files`);
  return index;
}

function readMessages(path: string): { messages: Message[]; skipped: number } {
  const messages = new Map<string, Message>();
  let skipped = 0;
  if (!existsSync(path)) return { messages: [], skipped };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let parsed;
    try {
      parsed = MessageSchema.safeParse(JSON.parse(line));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      // A line torn by a crash mid-append, or damaged: the snapshot before it still stands.
      skipped += 1;
      continue;
    }
    messages.set(parsed.data.id, parsed.data);
  }
  // An answer still streaming on disk was cut off when that run stopped.
  const list = [...messages.values()].map((m): Message =>
    m.status === 'streaming' ? { ...m, status: 'interrupted', error: { kind: 'stream_interrupted', message: INTERRUPTED_WORDS } } : m,
  );
  return { messages: list, skipped };
}

function summaryFor(id: string, indexed: ConversationSummary | undefined, messages: Message[]): ConversationSummary {
  const times = messages.map((m) => m.createdAt);
  const first = messages.find((m) => m.role === 'user');
  const base = indexed ?? {
    id,
    title: titleFrom(first?.text ?? ''),
    createdAt: times.length > 0 ? Math.min(...times) : 0,
    updatedAt: times.length > 0 ? Math.max(...times) : 0,
    messageCount: messages.length,
  };
  return { ...base, messageCount: messages.length };
}

function readState(path: string, setAside: string[]): RouterSnapshot | undefined {
  const read = readJson(path);
  if (!read) return undefined;
  const parsed = read.ok ? RouterSnapshotSchema.safeParse(read.value) : undefined;
  if (parsed?.success) return parsed.data;
  setAside.push(`router-state.json was damaged (${read.ok ? 'not a router state' : read.reason}); breakers and cooldowns start fresh, and spend is counted from the imported conversations`);
  return undefined;
}
