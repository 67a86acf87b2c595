import { describe, expect, it } from 'vitest';
import { APP_PAGE_URL } from '../../../electron/main/app-protocol.js';
import { isTrustedFrameUrl } from '../../../electron/main/trusted-frame.js';

describe('which frames may call into main', () => {
  const packaged = { pageUrl: APP_PAGE_URL, devUrl: undefined };

  it("trusts the app's own page, with or without a hash or query", () => {
    expect(isTrustedFrameUrl(APP_PAGE_URL, packaged)).toBe(true);
    expect(isTrustedFrameUrl(`${APP_PAGE_URL}#/settings`, packaged)).toBe(true);
    expect(isTrustedFrameUrl(`${APP_PAGE_URL}?x=1`, packaged)).toBe(true);
  });

  it('refuses any other page, however it is named', () => {
    for (const url of [
      'file:///tmp/evil/renderer/index.html',
      'app://evil/index.html',
      'app://switchboard/other.html',
      'app://switchboard.evil/index.html',
      'https://switchboard/index.html',
      'about:blank',
    ]) {
      expect(isTrustedFrameUrl(url, packaged), url).toBe(false);
    }
  });

  it('trusts the dev server origin only when there is one, and never a malformed URL', () => {
    const dev = { pageUrl: APP_PAGE_URL, devUrl: 'http://localhost:5173/' };
    expect(isTrustedFrameUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedFrameUrl('http://localhost:5173/index.html', packaged)).toBe(false);
    expect(isTrustedFrameUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedFrameUrl('http://[', dev)).toBe(false);
    expect(isTrustedFrameUrl(undefined, dev)).toBe(false);
  });
});
