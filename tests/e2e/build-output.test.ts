/**
 * What ships must hold up where Electron runs it: a sandboxed preload can load
 * only `electron`, and the page carries a strict Content-Security-Policy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const out = join(import.meta.dirname, '..', '..', 'out');

describe('build output', () => {
  it('the preload requires nothing but electron', () => {
    const preload = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it('the page has a Content-Security-Policy that allows only its own origin', () => {
    const html = readFileSync(join(out, 'renderer', 'index.html'), 'utf8');
    expect(html).toMatch(/http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self';/);
  });

  it('the main bundle imports no test code', () => {
    const main = readFileSync(join(out, 'main', 'index.js'), 'utf8');
    expect(main).not.toMatch(/fake-provider/);
  });
});
