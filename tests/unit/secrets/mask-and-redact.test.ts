import { describe, expect, it } from 'vitest';
import { maskKey } from '../../../electron/main/core/secrets/mask-key.js';
import { redact } from '../../../electron/main/core/secrets/redact.js';

function revealed(masked: string): number {
  return masked.replace('…', '').length;
}

describe('maskKey', () => {
  it('shows the first and last four characters of a long key', () => {
    expect(maskKey('sk-abcdefghijklmnop9xQz')).toBe('sk-a…9xQz');
  });

  it('shows only the last two characters of a short key', () => {
    expect(maskKey('abcdefghij')).toBe('…ij');
    expect(maskKey('abcdefghijkl')).toBe('…kl');
  });

  it('hides a very short key entirely', () => {
    expect(maskKey('abc123')).toBe('…');
  });

  it('never reveals more than 8 characters and always hides at least 5, whatever the length', () => {
    for (let n = 1; n <= 200; n += 1) {
      const shown = revealed(maskKey('x'.repeat(n)));
      expect(shown).toBeLessThanOrEqual(8);
      expect(n - shown).toBeGreaterThanOrEqual(Math.min(n, 5));
    }
  });
});

describe('redact', () => {
  const known = 'my-custom-provider-key-123456';

  it('replaces a known key wherever it appears', () => {
    const out = redact(`auth failed for ${known}; retried with ${known}`, [known]);
    expect(out).not.toContain(known);
    expect(out).toBe('auth failed for my-c…3456; retried with my-c…3456');
  });

  it('replaces key-shaped tokens and bearer tokens it was not told about', () => {
    const out = redact(
      'Incorrect API key provided: sk-proj-AbCdEfGhIjKlMnOp1234. Header was Authorization: Bearer abcdefghijklmnopqrstuvwxyz',
    );
    expect(out).toBe('Incorrect API key provided: sk-p…1234. Header was Authorization: Bearer abcd…wxyz');
  });

  it('leaves ordinary text and already-masked keys alone', () => {
    const text = 'Rate limited by openai (sk-a…9xQz); retry in 20 s';
    expect(redact(text, ['sk'])).toBe(text);
  });

  it('replaces the longer of two overlapping known keys whole', () => {
    const short = 'abcdefghijklmnop';
    const long = `${short}QRSTUVWX`;
    expect(redact(`key=${long}`, [short, long])).toBe(`key=${maskKey(long)}`);
  });
});
