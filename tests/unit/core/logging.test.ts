/**
 * The log file never holds a key: not a known one, not one shaped like a key,
 * not an Authorization or x-api-key header value, not a `?key=` parameter,
 * whatever the provider or the app passes to the logger.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactLogText } from '../../../electron/main/core/logging/log-redaction.js';
import { createLogger } from '../../../electron/main/core/logging/logger.js';

const CANARY = `sk-canary-${randomBytes(16).toString('hex')}`;
const SECRET_PART = CANARY.slice(4, -4);
const OPAQUE = `opaque${randomBytes(12).toString('hex')}`; // no known prefix: only its position gives it away

describe('log redaction', () => {
  it.each([
    ['a known key anywhere', `retrying with ${CANARY} now`],
    ['an Authorization header', `headers: { authorization: 'Bearer ${OPAQUE}' }`],
    ['an Authorization header in JSON', `{"Authorization":"Basic ${OPAQUE}"}`],
    ['an x-api-key header', `x-api-key: ${OPAQUE}`],
    ['an x-goog-api-key header', `X-Goog-Api-Key=${OPAQUE}`],
    ['a ?key= query parameter', `GET https://generativelanguage.googleapis.com/v1beta/models?key=${OPAQUE}&alt=sse`],
    ['an &api_key= query parameter', `https://example.com/v1?x=1&api_key=${OPAQUE}`],
  ])('hides %s', (_name, line) => {
    const out = redactLogText(line, [CANARY]);
    expect(out).not.toContain(SECRET_PART);
    expect(out).not.toContain(OPAQUE.slice(4, -4));
  });

  it('leaves ordinary text alone', () => {
    const line = 'answered m-1 by groq/llama-3.3-70b in 812 ms; attempts: groq/llama-3.3-70b:ok req=req_123';
    expect(redactLogText(line, [CANARY])).toBe(line);
  });

  it('writes a log file with no key in it, whatever shape the key is logged in', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-log-'));
    const log = createLogger({ dataDir, host: 'cli', knownKeys: () => [CANARY] });
    log.info(`calling with key ${CANARY}`);
    log.warn('request failed', { headers: { authorization: `Bearer ${CANARY}`, 'x-api-key': OPAQUE }, url: `https://h/v1?key=${OPAQUE}` });
    log.error(new Error(`Incorrect API key provided: ${CANARY}`));
    const file = join(log.folder, 'main.log');
    await expect.poll(() => existsSync(file) && readFileSync(file, 'utf8').split('\n').length > 3).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/\[cli\] \[info\]\s+calling with key sk-c…/);
    expect(text).toContain('Incorrect API key provided');
    expect(text).not.toContain(SECRET_PART);
    expect(text).not.toContain(OPAQUE.slice(4, -4));
  });
});
