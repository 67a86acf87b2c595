import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { trackKeyChanges } from '../../../electron/main/core/key-fingerprints.js';

describe('key change tracking', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const file = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-fp-'));
    dirs.push(dir);
    return join(dir, 'key-fingerprints.json');
  };
  const keys = (entries: Record<string, string | undefined>) => new Map(Object.entries(entries));

  it('tells of a key that changed between runs, but not of a first or an unchanged one', () => {
    const path = file();
    const changed: string[] = [];
    trackKeyChanges(path).check(keys({ openai: 'sk-one', groq: 'gsk-one' }), (id) => changed.push(id));
    expect(changed).toEqual([]);
    // A later run, after the OpenAI key was edited outside the app and a key was added.
    trackKeyChanges(path).check(keys({ openai: 'sk-two', groq: 'gsk-one', mistral: 'ms-one' }), (id) => changed.push(id));
    expect(changed).toEqual(['openai']);
  });

  it('keeps only fingerprints on disk, never a key', () => {
    const path = file();
    trackKeyChanges(path).check(keys({ openai: 'sk-secret-value', local: undefined }), () => undefined);
    const stored = readFileSync(path, 'utf8');
    expect(stored).not.toContain('sk-secret-value');
    expect(Object.keys(JSON.parse(stored) as object)).toEqual(['openai']);
  });

  it('does not rewrite the file when the same keys come in another order', () => {
    const path = file();
    const tracker = trackKeyChanges(path);
    tracker.check(keys({ openai: 'sk-one', groq: 'gsk-one' }), () => undefined);
    // A marker shows whether the next check writes again.
    const mark = '{"marker":"untouched"}';
    writeFileSync(path, mark);
    tracker.check(keys({ groq: 'gsk-one', openai: 'sk-one' }), () => undefined);
    expect(readFileSync(path, 'utf8')).toBe(mark);
  });

  it('reads a broken file as no fingerprints at all', () => {
    const path = file();
    writeFileSync(path, '{not json');
    const changed: string[] = [];
    trackKeyChanges(path).check(keys({ openai: 'sk-one' }), (id) => changed.push(id));
    expect(changed).toEqual([]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toHaveProperty('openai');
  });
});
