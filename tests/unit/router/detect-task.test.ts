import { describe, expect, it } from 'vitest';
import { chooseTask, detectTask } from '../../../electron/main/core/router/detect-task.js';
import { harness, ok } from './fakes.js';

const user = (content: string) => [{ role: 'user' as const, content }];

/** [prompt, expected task type, expected reason (substring)] */
const PROMPTS: [string, string, string][] = [
  // English
  ['What is the capital of Australia?', 'general', 'auto → general'],
  // Words that look like code ("function", "import") do not make a prompt code.
  ['Write a short poem about autumn leaves and the function of memory.', 'creative', 'auto → creative: asks for a poem'],
  ['Can you import the data from last year into a summary for me?', 'general', 'auto → general'],
  // Reasoning: an unmistakable sign, and the sign is named.
  ['Solve x^2 - 5x + 6 = 0 and explain each step.', 'reasoning', 'auto → reasoning: an equation'],
  ['If 3y = 12, what is y?', 'reasoning', 'auto → reasoning: an equation'],
  ['Prove that there are infinitely many primes.', 'reasoning', 'auto → reasoning: a proof'],
  ['What is the derivative of x^3 * sin(x)?', 'reasoning', 'auto → reasoning: an equation'],
  ['What is the derivative of sin(x) times e to the x?', 'reasoning', 'auto → reasoning: calculus'],
  ['Two dice are rolled. What is the probability that the sum is 8?', 'reasoning', 'auto → reasoning: probability'],
  ['Knights always tell the truth and knaves always lie. A says B is a knave. Who is what?', 'reasoning', 'auto → reasoning: a logic puzzle'],
  ['All bloops are razzies. Does it follow that some razzies are bloops?', 'reasoning', 'auto → reasoning: a logic puzzle'],
  // Everyday words that only look like maths or puzzles stay general.
  ['What proof of address do I need to open a bank account?', 'general', 'auto → general'],
  ['How do I integrate Stripe payments into my shop?', 'general', 'auto → general'],
  ['What is the speed limit of a motorway in France?', 'general', 'auto → general'],
  ['Explain step by step how to bake sourdough bread.', 'general', 'auto → general'],
  ['What is 2+2?', 'general', 'auto → general'],
  // Creative: asked to make a creative thing, not merely mentioning one.
  ['Write a haiku about a lighthouse keeper.', 'creative', 'auto → creative: asks for a haiku'],
  ['Give me five playful names for a bakery.', 'creative', 'auto → creative: asks for names'],
  ['Write the opening paragraph of a mystery set on a night train.', 'creative', 'auto → creative: asks for an opening paragraph'],
  ['Who wrote the story of Peter Rabbit?', 'general', 'auto → general'],
  ['Write a cover letter for a nursing job.', 'general', 'auto → general'],
  ['Why does this fail?\n```ts\nconst x: number = "a";\n```', 'code', 'auto → code: code fence'],
  ['Traceback (most recent call last):\n  File "app.py", line 3, in <module>\n    main()\nValueError: bad', 'code', 'stack trace (Python)'],
  ['TypeError: Cannot read properties of undefined\n    at render (/app/src/view.js:12:5)\n    at main (/app/src/index.js:3:1)', 'code', 'stack trace (JS)'],
  ['Exception in thread "main" java.lang.NullPointerException\n\tat com.acme.App.run(App.java:42)', 'code', 'stack trace (Java)'],
  ['panic: runtime error: index out of range\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/main.go:8 +0x1d', 'code', 'stack trace (Go)'],
  ['def add(a, b):\n    return a + b\n\nimport numpy as np', 'code', 'code-like text'],
  ['#include <stdio.h>\nint main() {\n  printf("hi");\n  return 0;\n}', 'code', 'code-like text'],
  ['function greet(name) {\n  const msg = "hi " + name;\n  return msg;\n}', 'code', 'code-like text'],
  // Chinese
  ['请帮我写一封感谢信给我的老师。', 'multilingual', 'mostly Chinese (Han)'],
  ['我想用 React 写一个登录页面，有什么建议？', 'multilingual', 'mostly Chinese (Han)'],
  ['这段代码为什么报错？\n```python\nprint(1/0)\n```', 'code', 'code fence'],
  ['解释一下量子计算的基本原理。', 'multilingual', 'mostly Chinese (Han)'],
  // Japanese
  ['東京でおすすめのラーメン屋を教えてください。', 'multilingual', 'mostly Japanese (kana)'],
  ['このエラーの意味は？\nTraceback (most recent call last):\n  File "x.py", line 1', 'code', 'stack trace (Python)'],
  ['日本語の敬語について簡単に説明してください。', 'multilingual', 'mostly Japanese (kana)'],
  // Korean
  ['오늘 서울 날씨는 어때요?', 'multilingual', 'mostly Korean (Hangul)'],
  ['파이썬으로 리스트를 정렬하는 방법을 알려주세요.', 'multilingual', 'mostly Korean (Hangul)'],
  ['이 함수가 왜 안 돼요?\n```js\nfunction f() { return }\n```', 'code', 'code fence'],
  // Russian
  ['Расскажи, пожалуйста, о истории Санкт-Петербурга.', 'multilingual', 'mostly Cyrillic'],
  ['Почему мой сервер на Node падает?\n    at Server.listen (/srv/app/server.js:10:7)', 'code', 'stack trace (JS)'],
  ['Как приготовить борщ?', 'multilingual', 'mostly Cyrillic'],
  // Other scripts
  ['ما هي عاصمة المغرب؟', 'multilingual', 'mostly Arabic'],
  ['Τι ώρα είναι στην Αθήνα;', 'multilingual', 'mostly Greek'],
  ['नमस्ते, आप कैसे हैं?', 'multilingual', 'mostly Devanagari'],
];

describe('automatic task detection', () => {
  it.each(PROMPTS)('%j → %s', (prompt, task, reason) => {
    const d = detectTask(user(prompt));
    expect(d.taskType).toBe(task);
    expect(d.reason).toContain(reason);
  });

  it('covers at least 24 prompts in five languages', () => {
    expect(PROMPTS.length).toBeGreaterThanOrEqual(24);
  });

  it('long-context: beyond the first target’s window, or beyond the threshold', () => {
    const long = user('word '.repeat(32_000));
    expect(detectTask(long, { contextWindow: 32_000 }).reason).toBe('auto → long-context: ~40k tokens > 32k window');
    expect(detectTask(long).reason).toBe('auto → long-context: ~40k tokens > 24k threshold');
    expect(detectTask(user('short')).taskType).toBe('general');
  });

  it('looks at the newest user message for code and language, the whole history for length', () => {
    const messages = [
      { role: 'user' as const, content: '```py\nprint(1)\n```' },
      { role: 'assistant' as const, content: 'Done.' },
      { role: 'user' as const, content: 'Спасибо! А теперь расскажи анекдот.' },
    ];
    expect(detectTask(messages).taskType).toBe('multilingual');
  });

  it('a concrete choice is the user’s and is said to be', () => {
    expect(chooseTask('creative', user('```js\nx\n```'))).toEqual({ taskType: 'creative', reason: 'chosen by you' });
  });

  it('the router uses detection for auto and keeps the reason in the trace', async () => {
    const h = harness({ scripts: { a: [ok('A')], local: [ok('L')] } });
    const r = await h.send('Как дела?', { taskChoice: 'auto' });
    expect(r.taskType).toBe('multilingual');
    expect(r.trace.taskReason).toBe('auto → multilingual: mostly Cyrillic');
  });
});
