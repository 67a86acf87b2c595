import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../../shared/chat.js';
import { plainError } from '../../../renderer/src/lib/plain-error.js';

const providers = [
  { id: 'local', kind: 'ollama' as const, name: 'local', baseURL: 'http://127.0.0.1:11434' },
  { id: 'groq', kind: 'openai-compatible' as const, name: 'Groq', baseURL: 'https://api.groq.com/openai/v1' },
];
const failed = (provider: string, errorKind: Attempt['errorKind'], model = 'm'): Attempt => ({ provider, model, outcome: 'error', errorKind, startedAt: 0, ms: 1, message: 'connect ECONNREFUSED 127.0.0.1:11434' });

describe('plain error sentences', () => {
  it('name Ollama and where it was looked for when it is not running', () => {
    expect(plainError({ status: 'error', attempts: [failed('local', 'network')] }, providers)).toBe("Ollama isn't running at 127.0.0.1:11434.");
  });

  it('use the provider the chain ended at, and count the others once', () => {
    const attempts = [failed('groq', 'auth'), failed('groq', 'auth', 'other'), failed('local', 'network')];
    expect(plainError({ status: 'error', attempts }, providers)).toBe("Ollama isn't running at 127.0.0.1:11434, and the other provider failed too.");
    expect(plainError({ status: 'error', attempts: [failed('groq', 'auth')] }, providers)).toBe('Groq rejected the API key.');
  });

  it('never carry the raw error text, and say something without attempts', () => {
    const sentence = plainError({ status: 'error', attempts: [failed('local', 'model_not_found', 'llama3.2')] }, providers);
    expect(sentence).toBe('The model "llama3.2" isn\'t installed in Ollama.');
    expect(sentence).not.toMatch(/ECONNREFUSED/);
    expect(plainError({ status: 'error', error: { kind: 'no_target', message: 'x' } }, providers)).toBe('No provider could take this message.');
    expect(plainError({ status: 'interrupted' }, providers)).toMatch(/text so far is kept/);
  });
});
