/**
 * Copy-ready ways to point a tool at the local API. `token` is what the
 * snippet carries: the real token when copied, a masked one on screen.
 */
export interface Snippet {
  id: string;
  title: string;
  code: string;
}

export function maskToken(token: string): string {
  return token.length > 10 ? `${token.slice(0, 3)}…${token.slice(-4)}` : '…';
}

export function apiSnippets(port: number, token: string): Snippet[] {
  const base = `http://127.0.0.1:${port}/v1`;
  const root = `http://127.0.0.1:${port}`;
  return [
    {
      id: 'openai-python',
      title: 'OpenAI SDK (Python)',
      code: `from openai import OpenAI

client = OpenAI(base_url="${base}", api_key="${token}")
reply = client.chat.completions.create(
    model="switchboard/auto",
    messages=[{"role": "user", "content": "Hello!"}],
)
print(reply.choices[0].message.content)`,
    },
    {
      id: 'openai-js',
      title: 'OpenAI SDK (JavaScript)',
      code: `import OpenAI from 'openai';

const client = new OpenAI({ baseURL: '${base}', apiKey: '${token}' });
const reply = await client.chat.completions.create({
  model: 'switchboard/auto',
  messages: [{ role: 'user', content: 'Hello!' }],
});
console.log(reply.choices[0].message.content);`,
    },
    {
      id: 'anthropic',
      title: 'Anthropic SDK (Python)',
      code: `import anthropic

client = anthropic.Anthropic(base_url="${root}", api_key="${token}")
message = client.messages.create(
    model="switchboard/code",
    max_tokens=1024,
    messages=[{"role": "user", "content": "Hello!"}],
)
print(message.content[0].text)`,
    },
    {
      id: 'curl',
      title: 'curl',
      code: `curl ${base}/chat/completions \\
  -H "Authorization: Bearer ${token}" \\
  -H "Content-Type: application/json" \\
  -d '{"model": "switchboard/auto", "messages": [{"role": "user", "content": "Hello!"}]}'`,
    },
    {
      id: 'editor',
      title: 'Editor assistant (OpenAI-compatible provider, e.g. Continue config.yaml)',
      code: `models:
  - name: Switchboard
    provider: openai
    model: switchboard/code
    apiBase: ${base}
    apiKey: ${token}`,
    },
  ];
}

/** One origin per line; blank lines dropped. The schema checks each. */
export function parseOrigins(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
