import { describe, expect, it } from 'vitest';
import { apiSnippets, maskToken, parseOrigins } from '../../../renderer/src/lib/api-snippets.js';
import { ApiSettingsSchema } from '../../../shared/settings.js';

describe('API snippets', () => {
  it('point every tool at this port with the token it was given', () => {
    const snippets = apiSnippets(5151, 'sb-TOKEN-abcdef');
    expect(snippets.map((s) => s.id)).toEqual(['openai-python', 'openai-js', 'anthropic', 'curl', 'editor']);
    for (const s of snippets) {
      expect(s.code).toContain('sb-TOKEN-abcdef');
      // The Anthropic SDK appends /v1 itself; the others take the /v1 base.
      expect(s.code).toContain(s.id === 'anthropic' ? '"http://127.0.0.1:5151"' : 'http://127.0.0.1:5151/v1');
    }
  });

  it('show a token masked: never more than its prefix and last four characters', () => {
    expect(maskToken('sb-abcdefghijklmnop1234')).toBe('sb-…1234');
    expect(maskToken('short')).toBe('…');
  });

  it('take allowed origins one per line, and the schema refuses wildcards and paths', () => {
    expect(parseOrigins(' http://localhost:3000 \n\nhttps://app.example\n')).toEqual(['http://localhost:3000', 'https://app.example']);
    for (const bad of ['*', 'http://*.example', 'https://app.example/path', 'localhost:3000', 'null']) {
      expect(ApiSettingsSchema.safeParse({ allowedOrigins: [bad] }).success, bad).toBe(false);
    }
    expect(ApiSettingsSchema.parse({})).toEqual({ enabled: false, port: 4141, allowedOrigins: [] });
  });
});
