/**
 * The routing self-test's built-in prompts: each with the task type a person
 * would route it to. `auto` detection is scored against these, so a type the
 * detector has no rule for (reasoning, creative) shows up as disagreement rather
 * than being bent to fit.
 */
export interface SelftestPrompt {
  id: string;
  category: 'math' | 'code' | 'science' | 'logic' | 'creative' | 'long-context' | 'chinese' | 'japanese' | 'korean' | 'russian';
  expected: string;
  text: string;
}

/** A meeting log long enough (~30k tokens) that no short-context route should take it. */
function longLog(): string {
  const entries: string[] = [];
  for (let day = 1; day <= 300; day++) {
    entries.push(
      `Day ${day}: the platform team met at ${9 + (day % 8)}:00. Ticket PLAT-${1000 + day} was ${day % 3 === 0 ? 'closed' : 'moved to review'}; ` +
        `latency on the checkout service stood at ${120 + ((day * 37) % 90)} ms at the 95th percentile, and the on-call engineer noted ` +
        `${day % 5 === 0 ? 'a paging storm after a certificate rotation' : 'a quiet night with two low-priority alerts'}. ` +
        `Budget spent so far: ${(day * 1375).toLocaleString('en')} dollars of the quarterly allowance. Action items were reassigned to whoever was free.`,
    );
  }
  return entries.join('\n');
}

export function selftestPrompts(): SelftestPrompt[] {
  const log = longLog();
  return [
    { id: 'math-quadratic', category: 'math', expected: 'reasoning', text: 'Solve x^2 - 5x + 6 = 0 and explain each step.' },
    { id: 'math-proof', category: 'math', expected: 'reasoning', text: 'Prove that the square root of 2 is irrational.' },
    { id: 'math-derivative', category: 'math', expected: 'reasoning', text: 'What is the derivative of x^3 * sin(x)? Show the product rule.' },
    { id: 'math-probability', category: 'math', expected: 'reasoning', text: 'Two dice are rolled. What is the probability that the sum is 8, given that at least one die shows a 3?' },
    { id: 'code-fence', category: 'code', expected: 'code', text: 'Why does this print undefined?\n```js\nconst user = { name: "Ada" };\nconsole.log(user.nmae);\n```' },
    { id: 'code-traceback', category: 'code', expected: 'code', text: 'Traceback (most recent call last):\n  File "app.py", line 12, in <module>\n    total = sum(prices) / len(prices)\nZeroDivisionError: division by zero\nHow do I fix this?' },
    { id: 'code-python', category: 'code', expected: 'code', text: 'Make this faster:\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)' },
    { id: 'code-sql', category: 'code', expected: 'code', text: 'Add an index for this query:\nSELECT id, total FROM orders WHERE customer_id = 42 ORDER BY created_at DESC' },
    { id: 'science-photosynthesis', category: 'science', expected: 'general', text: 'Explain how photosynthesis turns light into chemical energy.' },
    { id: 'science-tides', category: 'science', expected: 'general', text: 'Why are there two high tides a day rather than one?' },
    { id: 'science-vaccines', category: 'science', expected: 'general', text: 'How do mRNA vaccines teach the immune system to recognise a virus?' },
    { id: 'logic-knights', category: 'logic', expected: 'reasoning', text: 'On an island, knights always tell the truth and knaves always lie. A says "B is a knave." B says "A and I are the same kind." Who is what?' },
    { id: 'logic-schedule', category: 'logic', expected: 'reasoning', text: 'Five people sit in a row. Ann is left of Bo, Cy is at an end, Di is next to Ed but not to Ann. List every seating that works.' },
    { id: 'logic-syllogism', category: 'logic', expected: 'reasoning', text: 'All bloops are razzies and some razzies are lazzies. Does it follow that some bloops are lazzies? Explain.' },
    { id: 'creative-haiku', category: 'creative', expected: 'creative', text: 'Write a haiku about a lighthouse keeper on her last night.' },
    { id: 'creative-story', category: 'creative', expected: 'creative', text: 'Write the opening paragraph of a mystery set on a night train from Vienna.' },
    { id: 'creative-slogan', category: 'creative', expected: 'creative', text: 'Give me five playful names for a bakery that only sells sourdough.' },
    { id: 'long-summary', category: 'long-context', expected: 'long-context', text: `${log}\n\nSummarise the quarter above in five bullet points.` },
    { id: 'long-question', category: 'long-context', expected: 'long-context', text: `${log}\n\nOn which days did a certificate rotation cause a paging storm?` },
    { id: 'chinese-travel', category: 'chinese', expected: 'multilingual', text: '请帮我规划一次为期三天的杭州旅行，包括西湖和灵隐寺。' },
    { id: 'chinese-expense', category: 'chinese', expected: 'multilingual', text: '公司的报销流程是怎样的？需要准备哪些发票和材料？' },
    { id: 'japanese-email', category: 'japanese', expected: 'multilingual', text: '来週の会議を延期したいので、丁寧なメールの文面を書いてください。' },
    { id: 'korean-recipe', category: 'korean', expected: 'multilingual', text: '김치찌개를 맛있게 끓이는 방법을 단계별로 알려 주세요.' },
    { id: 'russian-history', category: 'russian', expected: 'multilingual', text: 'Кратко расскажи, почему была построена Транссибирская магистраль.' },
  ];
}
