/**
 * Issue 17's settings and layout as a user meets them in Chromium: routing edits
 * marked and guarded when leaving, the preview under those unsaved edits with
 * breaker state and cost, providers without a key not set up, both themes (and
 * following the system) with readable contrast, a collapsible sidebar, and a
 * backup of every conversation exported and imported again, a malformed file
 * answered in words. In --config mode every settings form is read-only from the
 * start. Screenshots at 900×600 and 1600×1000 are kept in test-artifacts/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { ARTIFACTS, cleanEnv, launchBrowser, openApp, openAppAt900, openSettings, seedConversation, startHost, tempDataDir, type RunningHost } from './harness.js';

const KEY = 'sk-test-e2e-settings-0123456789abcd';

/** WCAG contrast ratio of two CSS colours as the page computes them (rgb(...)). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The theme's colours as rgb() strings, resolved by the browser from the stylesheet's variables. */
async function palette(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const probe = document.createElement('span');
    document.body.append(probe);
    const out: Record<string, string> = {};
    for (const name of ['--bg', '--panel', '--sunken', '--text', '--muted', '--accent', '--accent-text', '--bad', '--ok', '--warn']) {
      probe.style.color = `var(${name})`;
      out[name] = getComputedStyle(probe).color;
    }
    probe.remove();
    return out;
  });
}

describe('settings that behave, themes, layout, and conversation backups', () => {
  let beta: FakeProvider;
  let ollama: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    [beta, ollama, browser] = await Promise.all([
      startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['beta-1'] }),
      startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest', 'qwen2.5:0.5b'] }),
      launchBrowser(),
    ]);
    dataDir = tempDataDir({
      providers: [
        { id: 'beta', kind: 'openai-compatible', name: 'Beta Cloud', baseURL: beta.baseURL, apiKeyEnv: 'BETA_KEY', models: ['beta-1'] },
        { id: 'nokey', kind: 'openai-compatible', name: 'Keyless Co', baseURL: beta.baseURL, models: ['k-1'] },
        { id: 'local', kind: 'ollama', baseURL: ollama.url },
      ],
      routes: { general: [{ provider: 'local', model: 'llama3.2' }] },
      localFallback: { provider: 'local', model: 'llama3.2' },
    });
    seedConversation(dataDir, 'Tables and keys', 2, (i) => (i === 0 ? `my key was ${KEY}, oops` : '| name | value |\n|---|---|\n| a | 1 |'));
    seedConversation(dataDir, 'Second chat', 2, (i) => `line ${i}`, 'second-');
    host = await startHost(['--data-dir', dataDir], cleanEnv({ BETA_KEY: KEY }));
    page = await openAppAt900(browser, host.url);
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await Promise.all([beta, ollama].map((f) => f?.close()));
  });

  const guard = () => page.getByTestId('leave-guard');

  it('shows a provider without a key as not set up, collapsed, and not counted as enabled; the list can be searched', async () => {
    await openSettings(page, 'providers');
    const keyless = page.locator('[data-testid="provider-row"][data-provider="nokey"]');
    await expect.poll(() => keyless.getAttribute('data-set-up')).toBe('false');
    expect(await keyless.getByTestId('provider-not-set-up').innerText()).toBe('Not set up');
    expect(await keyless.getByTestId('provider-enabled').count()).toBe(0);
    expect(await keyless.getByTestId('provider-test').count()).toBe(0);
    expect(await page.getByTestId('provider-counts').innerText()).toBe('2 enabled · 1 not set up');
    await page.getByTestId('provider-search').fill('beta');
    await expect.poll(() => page.getByTestId('provider-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-provider')))).toEqual(['beta']);
    await page.getByTestId('provider-search').fill('');
  });

  it('marks unsaved routing edits and asks before a tab or screen change discards them', async () => {
    await openSettings(page, 'routing');
    expect(await page.getByTestId('routing-unsaved').count()).toBe(0);
    await page.getByTestId('strategy').selectOption('cheapest');
    expect(await page.getByTestId('routing-unsaved').innerText()).toBe('Unsaved changes');
    expect(await page.locator('[data-testid="task-type"][data-task="general"] [data-testid="task-edited"]').count()).toBe(1);
    expect(await page.getByTestId('strategy-help').innerText()).toMatch(/costs least/);

    // Another tab: asked, and "Keep editing" keeps the edit where it was.
    await page.getByTestId('tab-providers').click();
    await guard().waitFor();
    await page.getByTestId('leave-stay').click();
    expect(await guard().count()).toBe(0);
    expect(await page.getByTestId('strategy').inputValue()).toBe('cheapest');

    // Another screen: asked again; discarding leaves, and the edit is gone.
    await page.getByTestId('nav-chat').click();
    await guard().waitFor();
    await page.getByTestId('leave-discard').click();
    await page.getByTestId('composer-input').waitFor();
    await openSettings(page, 'routing');
    expect(await page.getByTestId('strategy').inputValue()).toBe('ordered');
    expect(await page.getByTestId('routing-unsaved').count()).toBe(0);

    // Once saved there is nothing to ask about.
    await page.getByTestId('strategy').selectOption('fastest');
    await page.getByTestId('routing-save').click();
    await expect.poll(() => page.getByTestId('routing-unsaved').count()).toBe(0);
    await page.getByTestId('tab-budgets').click();
    expect(await guard().count()).toBe(0);
    const saved = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { taskTypes: Record<string, { strategy: string }> };
    expect(saved.taskTypes.general?.strategy).toBe('fastest');
  });

  it('asks before a reload discards unsaved routing edits, and reloads without asking once nothing is unsaved', async () => {
    await openSettings(page, 'routing');
    await page.getByTestId('strategy').selectOption('cheapest');
    const asked: string[] = [];
    const answer = (accept: boolean) =>
      page.once('dialog', (dialog) => {
        asked.push(dialog.type());
        void (accept ? dialog.accept() : dialog.dismiss());
      });
    // Not awaited: a reload the user cancels never completes.
    const reload = () => void page.evaluate(() => location.reload()).catch(() => undefined);

    answer(false);
    reload();
    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(await page.getByTestId('strategy').inputValue()).toBe('cheapest');
    expect(await page.getByTestId('routing-unsaved').innerText()).toBe('Unsaved changes');

    answer(true);
    await Promise.all([page.waitForEvent('load'), reload()]);
    expect(asked).toEqual(['beforeunload', 'beforeunload']);
    await openSettings(page, 'routing');
    expect(await page.getByTestId('strategy').inputValue()).toBe('fastest');

    page.removeAllListeners('dialog');
    page.once('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    await page.reload();
    page.removeAllListeners('dialog');
    expect(asked).toHaveLength(2);
  });

  it('previews under the unsaved edits and the chosen task type, with breaker state and estimated cost', async () => {
    await openSettings(page, 'routing');
    await page.getByLabel('Target 1 provider').selectOption('beta');
    await page.getByLabel('Target 1 model').fill('beta-1');
    await page.getByTestId('preview-input').fill('hello there');
    await page.getByTestId('preview-task').selectOption('general');
    await page.getByTestId('preview-run').click();
    const first = page.getByTestId('preview-target').first();
    await expect.poll(() => first.getAttribute('data-provider')).toBe('beta');
    expect(await first.getAttribute('data-breaker')).toBe('closed');
    expect(await first.innerText()).toContain('Beta Cloud·beta-1');
    // The local fallback ends the chain and is free.
    expect(await page.getByTestId('preview-cost').last().innerText()).toBe('local: free');
    // Nothing was sent to the provider to preview it.
    expect(beta.requests.filter((r) => r.messages.some((m) => m.content === 'hello there'))).toHaveLength(0);

    await page.getByTestId('preview-task').selectOption('code');
    await page.getByTestId('preview-run').click();
    await expect.poll(() => page.getByTestId('preview-result').innerText()).toMatch(/^code — chosen by you/);
    // Leave without saving, through the guard.
    await page.getByTestId('nav-health').click();
    await page.getByTestId('leave-discard').click();
  });

  it('shows today’s and this month’s spend against the budgets being edited', async () => {
    await openSettings(page, 'budgets');
    await page.getByTestId('budget-daily').fill('2');
    await expect.poll(() => page.getByTestId('spend-today').innerText()).toMatch(/^Today\s+\$0 of \$2\.000\s+0%$/);
    expect(await page.getByTestId('spend-month').innerText()).toMatch(/^This month\s+\$0 spent \(no limit\)$/);
    // An unsaved budget is guarded like routing.
    await page.getByTestId('tab-general').click();
    await guard().waitFor();
    await page.getByTestId('leave-discard').click();
  });

  it('switches between light and dark, follows the system, and keeps readable contrast in both', async () => {
    await openSettings(page, 'general');
    for (const theme of ['dark', 'light'] as const) {
      // Controlled by the saved settings, so it is checked once the save is done.
      await page.getByTestId(`theme-${theme}`).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      const c = await palette(page);
      for (const bg of ['--bg', '--panel', '--sunken']) {
        for (const fg of ['--text', '--muted', '--accent', '--bad', '--ok', '--warn']) expect(contrast(c[fg]!, c[bg]!), `${theme}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
      expect(contrast(c['--accent-text']!, c['--accent']!), `${theme}: primary buttons`).toBeGreaterThanOrEqual(4.5);
      await page.screenshot({ path: join(ARTIFACTS, `settings-${theme}-900x600.png`) });
    }
    // The choice survives a reload, applied before settings arrive.
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');

    await openSettings(page, 'general');
    await page.getByTestId('theme-system').click();
    await expect.poll(() => page.getByTestId('theme-system').isChecked()).toBe(true);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    const saved = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { appearance?: { theme: string } };
    expect(saved.appearance).toEqual({ theme: 'system' });
  });

  it('fits 900×600 without a page-wide scrollbar, collapses the sidebar, and scrolls wide tables inside the answer', async () => {
    await page.getByTestId('nav-chat').click();
    await page.locator('.conversation-open', { hasText: 'Tables and keys' }).first().click();
    const table = page.locator('.markdown .table-wrap').first();
    await table.waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'chat-table-900x600.png') });

    await page.getByTestId('sidebar-toggle').click();
    expect(await page.locator('aside.sidebar').count()).toBe(0);
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.screenshot({ path: join(ARTIFACTS, 'chat-sidebar-hidden-1600x1000.png') });
    await page.getByTestId('sidebar-toggle').click();
    await page.locator('aside.sidebar').waitFor();
    await openSettings(page, 'routing');
    await page.screenshot({ path: join(ARTIFACTS, 'settings-routing-1600x1000.png') });
    await page.setViewportSize({ width: 900, height: 600 });
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'settings-routing-900x600.png') });
  });

  it('backs up every conversation without the key, answers a malformed file in words, and imports the backup back', async () => {
    await openSettings(page, 'import');
    const titles = () => page.locator('nav[aria-label="Conversations"] li').allInnerTexts();
    await expect.poll(async () => (await titles()).length).toBe(2);

    const [backup] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-all').click()]);
    const text = readFileSync(await backup.path(), 'utf8');
    expect(backup.suggestedFilename()).toMatch(/^switchboard-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(text).not.toContain(KEY);
    expect(JSON.parse(text)).toMatchObject({ format: 'switchboard.backup', conversations: [{}, {}] });

    await page.getByTestId('export-conversation').selectOption({ label: 'Tables and keys' });
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-md').click()]);
    const markdown = readFileSync(await md.path(), 'utf8');
    expect(md.suggestedFilename()).toBe('Tables and keys.md');
    expect(markdown).toContain('# Tables and keys');
    expect(markdown).toContain('| name | value |');
    expect(markdown).not.toContain(KEY);

    const bad = join(dataDir, 'broken-backup.json');
    writeFileSync(bad, text.slice(0, text.length / 2));
    await page.getByTestId('conversations-import').setInputFiles(bad);
    await expect.poll(() => page.getByRole('region', { name: 'Conversations' }).getByTestId('error').innerText()).toBe(
      'broken-backup.json: This file is not JSON. Choose a backup or conversation file exported from Switchboard.',
    );
    expect(await titles()).toHaveLength(2);

    const good = join(dataDir, 'good-backup.json');
    writeFileSync(good, text);
    await page.getByTestId('conversations-import').setInputFiles(good);
    await expect.poll(() => page.getByTestId('conversations-transfer-result').innerText()).toBe('Imported 2 conversations from good-backup.json.');
    await expect.poll(async () => (await titles()).length).toBe(4);
    expect((await titles()).filter((t) => t.includes('Tables and keys'))).toHaveLength(2);
  });
});

describe('settings from --config are read-only from the start', () => {
  let ollama: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let page: Page;
  let config: string;

  beforeAll(async () => {
    [ollama, browser] = await Promise.all([startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] }), launchBrowser()]);
    const dir = tempDataDir();
    config = join(dir, 'team-config.json');
    writeFileSync(
      config,
      JSON.stringify({ providers: [{ id: 'local', kind: 'ollama', baseURL: ollama.url }], routes: { general: [{ provider: 'local', model: 'llama3.2' }] }, localFallback: { provider: 'local', model: 'llama3.2' } }),
    );
    host = await startHost(['--config', config, '--data-dir', dir], cleanEnv());
    page = await openApp(browser, host.url);
    await page.setViewportSize({ width: 900, height: 600 });
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await ollama?.close();
  });

  it('says why in one line and disables every form control on every settings tab', async () => {
    for (const tab of ['providers', 'routing', 'local', 'budgets', 'api', 'general'] as const) {
      await openSettings(page, tab);
      expect(await page.getByTestId('config-read-only').innerText()).toBe(
        `These settings come from ${config} (started with --config), so they are read-only here: edit that file and restart to change them.`,
      );
      const panel = page.getByTestId('settings-fieldset');
      // Wait for the tab's own controls, then none of them may be usable.
      await expect.poll(() => panel.locator('input, select, textarea, button').count()).toBeGreaterThan(0);
      const enabled = await panel.locator('input, select, textarea, button').evaluateAll((els) => els.filter((el) => !(el as HTMLInputElement).matches(':disabled')).length);
      expect(enabled, tab).toBe(0);
    }
    await openSettings(page, 'routing');
    await page.screenshot({ path: join(ARTIFACTS, 'settings-config-read-only-900x600.png') });
  });

  it('still lets conversations be exported and imported, but not the settings file replaced', async () => {
    await openSettings(page, 'import');
    expect(await page.getByTestId('backup-all').isDisabled()).toBe(false);
    expect(await page.getByTestId('conversations-import').isDisabled()).toBe(false);
    expect(await page.getByTestId('settings-import').isDisabled()).toBe(true);
  });
});
