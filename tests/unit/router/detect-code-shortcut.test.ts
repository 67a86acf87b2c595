import { describe, expect, it } from 'vitest';
import { detectCode, scanForCode } from '../../../electron/main/core/router/detect-code.js';
import { seeded } from './fakes.js';

// Lines each clue of the full scan recognises, plus prose around them.
const PIECES = [
  'def add(a, b):', 'function greet(name) {', "import { x } from 'y';", 'import numpy as np', 'import os',
  'from os import path', '#include <stdio.h>', 'const total = a + b;', 'public static void main(String[] args) {',
  'fn main() {', 'class Foo:', 'if (x) {', 'return 0;', '}', 'x += 1;', 'SELECT name FROM users WHERE id = 1',
  'select * from t', 'Traceback (most recent call last):', '  File "app.py", line 3', 'goroutine 1 [running]:',
  'panic: boom', '    at render (/app/src/view.js:12:5)', 'Exception in thread "main"', '```', 'let me update you',
  'Please delete the draft and insert a note', 'What is the capital of Australia', 'Say hello to the benchmark, please.',
  'Write a poem about autumn leaves', 'x = 1', 'a ; b', 'we met at 10:30', 'Привет, как дела', '东京 ramen',
];

describe('the prose shortcut in code detection', () => {
  it('gives the same verdict as the full scan on 5,000 mixed prompts', () => {
    const random = seeded(7);
    for (let i = 0; i < 5_000; i++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 5) }, () => PIECES[Math.floor(random() * PIECES.length)] ?? '');
      const text = lines.join(random() < 0.5 ? '\n' : ' ');
      expect(detectCode(text), text).toEqual(scanForCode(text));
    }
  });

  it('still finds code that uses none of the common symbols', () => {
    expect(detectCode('import numpy as np\nfrom os import path').code).toBe(true);
    expect(detectCode('Say hello to the benchmark, please.').code).toBe(false);
  });
});
