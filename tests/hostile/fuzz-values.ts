/**
 * Seeded random contract messages: unknown calls, wrong types, huge strings,
 * deep nesting and `__proto__` keys. Seeded so a failure names a run that can
 * be replayed (`SWITCHBOARD_FUZZ_SEED`).
 */
import { CALL_NAMES } from '../../shared/contract/index.js';

export { seeded as seededRandom } from '../unit/router/fakes.js';

// Field names the contract really uses, so random objects often get past the first check.
const FIELDS = ['id', 'conversationId', 'messageId', 'text', 'taskType', 'provider', 'model', 'key', 'settings', 'providers', 'routes', 'name', 'kind', 'baseURL', 'enabled', 'models', 'query', 'limit', 'before', 'format', 'json', 'theme', '__proto__', 'constructor', 'prototype', 'toString'];
const WORDS = ['', ' ', 'auto', 'general', 'code', 'openai', 'ollama', 'local', 'gpt-4o', 'llama3.2', '../../etc/passwd', '\u0000', '\ud800', '😀', '中文', 'null', 'NaN', '<script>alert(1)</script>', 'sk-fuzz-0000000000000000'];

export class FuzzValues {
  constructor(private readonly random: () => number) {}

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }

  string(): string {
    const roll = this.random();
    if (roll < 0.02) return 'x'.repeat(1_000_001 + this.int(1000)); // just past the prompt limit
    if (roll < 0.05) return 'y'.repeat(this.int(200_000));
    if (roll < 0.6) return this.pick(WORDS);
    return Array.from({ length: this.int(40) }, () => String.fromCharCode(this.int(0x3000))).join('');
  }

  value(depth = 0): unknown {
    const roll = this.random();
    if (depth > 4 || roll < 0.15) return this.pick([null, true, false, 0, -1, 1e308, -0, 2 ** 53, 0.5]);
    if (roll < 0.45) return this.string();
    if (roll < 0.6) return Array.from({ length: this.int(5) }, () => this.value(depth + 1));
    return this.object(depth);
  }

  object(depth = 0): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let i = this.int(6); i > 0; i--) out[this.pick(FIELDS)] = this.value(depth + 1);
    return out;
  }

  /** Nested `depth` levels deep, as text: JSON.parse must build it, the contract must refuse it. */
  deepJson(depth: number): string {
    return this.random() < 0.5 ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  }

  /** One message as it would arrive on the wire: mostly well-formed calls, some not calls at all. */
  message(id: number): string {
    const roll = this.random();
    const name = roll < 0.7 ? this.pick(CALL_NAMES) : roll < 0.85 ? this.string().slice(0, 300) : this.pick(['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'chat.send ', 'CHAT.SEND']);
    if (this.random() < 0.02) return `{"type":"call","id":${id},"name":${JSON.stringify(name)},"input":${this.deepJson(1000 + this.int(20_000))}}`;
    if (this.random() < 0.05) return `{"type":"call","id":${id},"name":${JSON.stringify(name)},"input":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}`;
    const input = this.random() < 0.1 ? this.value() : this.object();
    return JSON.stringify({ type: 'call', id, name, input });
  }
}
