import { describe, expect, it } from 'vitest';
import { safeWebUrl } from '../../../renderer/src/markdown/safe-url.js';
import { checkWebUrl } from '../../../shared/web-url.js';

const hostile = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', '/relative', ''];

describe('links from model output', () => {
  it('keeps http and https links', () => {
    expect(safeWebUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeWebUrl('http://example.com')).toBe('http://example.com/');
  });

  it('drops every other scheme, however it is disguised', () => {
    for (const url of hostile) expect(safeWebUrl(url), url).toBeUndefined();
  });

  it('refuses URLs carrying credentials that hide the real host', () => {
    for (const url of hostile) expect(checkWebUrl(url), url).toBeUndefined();
    expect(checkWebUrl('https://trusted.example@evil.example/')).toBeUndefined();
    expect(checkWebUrl('https://example.com/x')).toBe('https://example.com/x');
  });
});
