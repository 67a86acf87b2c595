import { describe, expect, it } from 'vitest';
import type { Token } from 'marked';
import { createBlockSplitter, LEX_CAP, type Block, type SplitResult } from '../../../renderer/src/markdown/block-splitter.js';

const SAMPLE = [
  '# Title',
  '',
  'Some **bold** text and $x^2$.',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  '- [x] done',
  '- [ ] todo',
  '',
  '```ts',
  'const a = 1;',
  '```',
  '',
  '$$',
  'E=mc^2',
  '$$',
  '',
  'End ~~strike~~ https://example.com',
  '',
].join('\n');

const all = (r: SplitResult): Block[] => [...r.groups.flat(), ...r.tail];
const shape = (r: SplitResult): string[] => all(r).map((b) => `${b.key}:${b.kind === 'md' ? b.token.type : b.kind}`);

describe('streaming markdown into blocks', () => {
  it('streamed character by character, ends with the same blocks as the whole text parsed at once', () => {
    const s = createBlockSplitter();
    for (let i = 1; i <= SAMPLE.length; i++) s.update(SAMPLE.slice(0, i), false);
    const streamed = s.update(SAMPLE, true);
    const whole = createBlockSplitter().update(SAMPLE, true);
    expect(shape(streamed)).toEqual(shape(whole));
    expect(shape(whole)).toEqual(['b0:heading', 'b1:paragraph', 'b2:table', 'b3:list', 'b4:code', 'b5:math', 'b6:paragraph']);
  });

  it('keeps settled blocks as the same objects and lexes only the growing tail', () => {
    const s = createBlockSplitter();
    const first = s.update(SAMPLE, false);
    const settled = first.groups.flat();
    const more = 'and more words in the last paragraph';
    const next = s.update(`${SAMPLE}${more}`, false);
    next.groups.flat().forEach((b, i) => expect(b).toBe(settled[i]));
    expect(next.lexed).toBeLessThan(200);
  });

  it('does per-update work that does not grow with the answer', () => {
    const s = createBlockSplitter();
    let text = '';
    const lexed: number[] = [];
    for (let i = 0; i < 2000; i++) {
      text += i % 20 === 19 ? `Paragraph ${i} ends here.\n\n` : `word${i} `;
      lexed.push(s.update(text, false).lexed);
    }
    const early = Math.max(...lexed.slice(100, 200));
    const late = Math.max(...lexed.slice(1900));
    expect(late).toBeLessThanOrEqual(early * 1.5);
  });

  it('freezes full groups so a renderer can skip them by identity', () => {
    const s = createBlockSplitter();
    let text = '';
    for (let i = 0; i < 40; i++) text += `Paragraph ${i}.\n\n`;
    const a = s.update(text, false);
    const b = s.update(`${text}tail`, false);
    expect(a.groups[0]).toBe(b.groups[0]);
    expect(a.groups.length).toBeGreaterThan(1);
  });

  it('shows a half-finished fence as open code, and highlights it only once closed', () => {
    const s = createBlockSplitter();
    const open = s.update('Look:\n\n```python\nprint(1)\nprint(', false);
    const tail = open.tail[0];
    expect(tail).toMatchObject({ kind: 'code', lang: 'python', open: true, code: 'print(1)\nprint(' });
    const closed = s.update('Look:\n\n```python\nprint(1)\nprint(2)\n```\n', true);
    const code = all(closed).at(-1);
    expect(code?.kind === 'md' && (code.token as Token).type).toBe('code');
  });

  it('renders a half-finished table and list as what they are so far', () => {
    const s = createBlockSplitter();
    const table = s.update('| a | b |\n|---|---|\n| 1 |', false);
    expect(table.tail[0]?.kind === 'md' && table.tail[0].token.type).toBe('table');
    const list = createBlockSplitter().update('1. one\n2. tw', false);
    expect(list.tail[0]?.kind === 'md' && list.tail[0].token.type).toBe('list');
  });

  it('shows one block too large to parse smoothly as plain text, without lexing it', () => {
    const s = createBlockSplitter();
    const huge = 'x'.repeat(LEX_CAP * 4);
    const r = s.update(`Intro.\n\n${huge}`, false);
    expect(r.tail[0]).toMatchObject({ kind: 'plain' });
    expect(r.lexed).toBeLessThan(LEX_CAP);
    const done = s.update(`Intro.\n\n${huge}\n\nAfter.`, true);
    expect(shape(done).map((x) => x.split(':')[1])).toEqual(['paragraph', 'plain', 'paragraph']);
  });

  it('starts again when the text is replaced rather than extended', () => {
    const s = createBlockSplitter();
    s.update(SAMPLE, true);
    const r = s.update('Brand new answer.', true);
    expect(shape(r)).toEqual(['b0:paragraph']);
  });
});
