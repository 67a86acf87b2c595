import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedFrameUrl, rendererFileIn } from '../../../electron/main/trusted-frame.js';

describe('which frames may call into main', () => {
  const outDir = join('/opt', 'Switchboard', 'resources', 'app.asar', 'out');
  const packaged = { rendererFile: rendererFileIn(outDir), devUrl: undefined };
  const own = pathToFileURL(packaged.rendererFile).href;

  it("trusts the app's own page, with or without a hash or query", () => {
    expect(isTrustedFrameUrl(own, packaged)).toBe(true);
    expect(isTrustedFrameUrl(`${own}#/settings`, packaged)).toBe(true);
    expect(isTrustedFrameUrl(`${own}?x=1`, packaged)).toBe(true);
  });

  it('refuses any other file, however it is named', () => {
    for (const url of [
      'file:///tmp/evil/renderer/index.html',
      'file:///opt/Switchboard/resources/app.asar/out/renderer/../renderer/other.html',
      'file://evil-host/opt/Switchboard/resources/app.asar/out/renderer/index.html',
      `${own.replace('/out/', '/out2/')}`,
    ]) {
      expect(isTrustedFrameUrl(url, packaged), url).toBe(false);
    }
  });

  it('trusts the dev server origin only when there is one, and never a malformed URL', () => {
    const dev = { rendererFile: packaged.rendererFile, devUrl: 'http://localhost:5173/' };
    expect(isTrustedFrameUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedFrameUrl('http://localhost:5173/index.html', packaged)).toBe(false);
    expect(isTrustedFrameUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedFrameUrl('http://[', dev)).toBe(false);
    expect(isTrustedFrameUrl(undefined, dev)).toBe(false);
  });
});
