import { describe, expect, it } from 'vitest';
import { cleanGeneratedTitle, titleFromPrompt } from '../../../electron/main/core/chat/titles.js';

describe('titles from prompts', () => {
  it('drop markdown marks and keep the words', () => {
    expect(titleFromPrompt('Fix this: ```js\nconst x = 1')).toBe('Fix this: const x = 1');
    expect(titleFromPrompt('## **Bold** plan with a [link](https://x.test) and `code`')).toBe('Bold plan with a link and code');
    expect(titleFromPrompt('```\n```')).toBe('New chat');
  });
  it('stop at eight words or sixty characters', () => {
    expect(titleFromPrompt('one two three four five six seven eight nine ten')).toBe('one two three four five six seven eight');
    expect(titleFromPrompt('x'.repeat(100))).toHaveLength(60);
  });
});

describe('generated titles', () => {
  it('are tidied: no label, quotes or final full stop', () => {
    expect(cleanGeneratedTitle('Title: "Monads explained."')).toBe('Monads explained');
    expect(cleanGeneratedTitle('\n「报销流程」\n')).toBe('报销流程');
  });
  it('are refused when they are no title', () => {
    expect(cleanGeneratedTitle('   ')).toBeUndefined();
    expect(cleanGeneratedTitle('Sure! Here is a long explanation of what this conversation is about and why it matters to you')).toBeUndefined();
  });
});
