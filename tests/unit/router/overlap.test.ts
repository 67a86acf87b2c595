import { describe, expect, it } from 'vitest';
import { overlapTrimmer } from '../../../electron/main/core/router/overlap.js';

const run = (shown: string, pieces: string[]): string => {
  const t = overlapTrimmer(shown);
  return pieces.map((p) => t.push(p)).join('') + t.end();
};

describe('overlap removal before a continuation is shown', () => {
  it('drops the words the model repeats, however the new text is chunked', () => {
    expect(run('The sky is blue because', [' blue because light', ' scatters.'])).toBe(' light scatters.');
    expect(run('The sky is blue because', [' bl', 'ue bec', 'ause light'])).toBe(' light');
  });

  it('compares whitespace runs as one space', () => {
    expect(run('one two\nthree', ['two   three four'])).toBe(' four');
  });

  it('keeps new text that repeats nothing', () => {
    expect(run('The answer is ', ['42.'])).toBe('42.');
    expect(run('Hello, wor', ['ld!'])).toBe('ld!');
  });

  it('only counts repeats that start where a word starts', () => {
    // "ing" is the tail of "something", not a word the model repeated.
    expect(run('say something', ['ing else'])).toBe('ing else');
  });

  it('handles CJK, where every character starts a word', () => {
    expect(run('今天天气很好，我们去', ['我们去公园吧。'])).toBe('公园吧。');
  });

  it('handles code', () => {
    expect(run('function add(a, b) {\n  return', ['  return a + b;\n}'])).toBe(' a + b;\n}');
  });

  it('a continuation that is only a repeat shows nothing more', () => {
    expect(run('It was a dark night', [' dark night'])).toBe('');
  });
});
