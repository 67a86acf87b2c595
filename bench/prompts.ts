/**
 * A realistic mix of conversations for the chat-level bench: multi-turn
 * histories with punctuation, CJK text and code, each ending in a new message.
 * Round i uses conversation i mod n, so every kind of text is measured alike.
 */
import type { ChatTurn } from '../electron/main/core/providers/types.js';

export interface BenchConversation {
  name: string;
  history: ChatTurn[];
  /** The message the user sends now. */
  text: string;
}

export const CONVERSATIONS: BenchConversation[] = [
  {
    name: 'prose',
    history: [
      { role: 'user', content: 'What’s the difference between “affect” and “effect”? I always mix them up…' },
      { role: 'assistant', content: '“Affect” is usually a verb (to influence); “effect” is usually a noun (a result). Exceptions exist — “to effect change” means to bring it about.' },
      { role: 'user', content: 'OK! And in psychology, “affect” is a noun, right? (Like “flat affect”.)' },
      { role: 'assistant', content: 'Right: there it means observable emotion — e.g. “the patient showed flat affect.”' },
    ],
    text: 'Great, thanks. Can you give me three example sentences — one for each use?',
  },
  {
    name: 'cjk',
    history: [
      { role: 'user', content: '请用简单的中文解释一下什么是机器学习？' },
      { role: 'assistant', content: '机器学习是让计算机从数据中学习规律，而不是由人逐条编写规则。比如，看过很多猫的照片后，它就能认出新的猫。' },
      { role: 'user', content: '日本語でも同じ説明をお願いします。' },
      { role: 'assistant', content: '機械学習とは、人がルールを一つずつ書く代わりに、コンピューターがデータから規則性を学ぶ仕組みです。' },
    ],
    text: '那深度学习和机器学习有什么区别？请举一个例子。',
  },
  {
    name: 'code',
    history: [
      { role: 'user', content: 'Why does this throw?\n```ts\nconst user = users.find((u) => u.id === id);\nconsole.log(user.name);\n```' },
      { role: 'assistant', content: '`find` returns `undefined` when nothing matches, so `user.name` throws `TypeError: Cannot read properties of undefined`. Guard it:\n```ts\nif (!user) throw new Error(`no user ${id}`);\n```' },
      { role: 'user', content: 'Can I use optional chaining instead? `user?.name`' },
      { role: 'assistant', content: 'Yes — `user?.name` gives `undefined` instead of throwing; use it when a missing user is normal.' },
    ],
    text: 'Fix this too: `const total = items.reduce((a, b) => a + b.price);` returns "[object Object]12".',
  },
  {
    name: 'mixed',
    history: [
      { role: 'user', content: 'Plan a 2-day trip to Kyoto (京都) in April 🌸 — budget ~¥60,000.' },
      { role: 'assistant', content: 'Day 1: Fushimi Inari (伏見稲荷大社) early, then Gion. Day 2: Arashiyama & the bamboo grove. Stay near Kyoto Station; ~¥15,000/night.' },
    ],
    text: 'What about rain? Give me two indoor alternatives, with opening hours & prices (if you know them).',
  },
];

export function turnsOf(c: BenchConversation): ChatTurn[] {
  return [...c.history, { role: 'user', content: c.text }];
}
