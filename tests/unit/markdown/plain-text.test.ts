import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from '../../../renderer/src/markdown/plain-text.js';

describe('copy as plain text', () => {
  it('keeps what a reader sees and drops the markdown syntax', () => {
    const md = '# Title\n\nSome **bold** and [a link](https://example.com).\n\n- one\n- [x] two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nlet x = 1;\n```';
    expect(markdownToPlainText(md)).toBe('Title\n\nSome bold and a link.\n\n• one\n• [x] two\n\na\tb\n1\t2\n\nlet x = 1;');
  });
});
