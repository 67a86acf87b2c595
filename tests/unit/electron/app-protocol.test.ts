import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResponse } from '../../../electron/main/app-protocol.js';

describe('the app:// scheme', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sb-app-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'sb-outside.txt'), 'secret');

  it('serves the page with a strict Content-Security-Policy header', async () => {
    const res = await appResponse(dir, 'app://switchboard/index.html');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Switchboard</title>');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their type, and nothing outside the renderer folder', async () => {
    expect((await appResponse(dir, 'app://switchboard/assets/app.js')).headers.get('content-type')).toMatch(/javascript/);
    for (const url of ['app://switchboard/../sb-outside.txt', 'app://switchboard/%2e%2e/sb-outside.txt', 'app://switchboard/..%2fsb-outside.txt', 'app://switchboard/missing.js', 'app://elsewhere/index.html', 'app://switchboard/%zz', 'not a url']) {
      expect((await appResponse(dir, url)).status, url).toBe(404);
    }
  });
});
