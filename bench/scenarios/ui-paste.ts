/**
 * A 2 MB paste into the composer, as a user feels it: from the paste to the
 * next frame painted (the page answering again), the longest task it caused,
 * and a key typed after it until it is on screen.
 */
import type { Page } from 'playwright-core';

export interface PasteFigures {
  composerPaste2MbToFrameMs: number;
  composerPaste2MbLongestTaskMs: number;
  composerKeyAfterPasteMs: number;
}

export async function pasteIntoComposer(page: Page, chars = 2_000_000): Promise<PasteFigures> {
  await page.getByTestId('new-chat').click();
  await page.getByTestId('composer-input').focus();
  const { toFrame, longest } = await page.evaluate(
    (n) =>
      new Promise<{ toFrame: number; longest: number }>((resolve) => {
        const long: number[] = [];
        const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e.duration)));
        observer.observe({ type: 'longtask', buffered: false });
        const text = 'pasted words '.repeat(Math.ceil(n / 13)).slice(0, n);
        const box = document.querySelector<HTMLTextAreaElement>('[data-testid=composer-input]')!;
        const data = new DataTransfer();
        data.setData('text/plain', text);
        const started = performance.now();
        box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        requestAnimationFrame(() => {
          const toFrame = performance.now() - started;
          // Tasks are reported after they end: wait out the draft's and the preview's pauses too.
          setTimeout(() => {
            observer.disconnect();
            resolve({ toFrame, longest: Math.max(0, ...long) });
          }, 1000);
        });
      }),
    chars,
  );
  await page.getByTestId('too-long').waitFor();
  await page.getByTestId('composer-input').focus();
  const key = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        document.execCommand('insertText', false, '!');
        requestAnimationFrame(() => resolve(performance.now() - started));
      }),
  );
  // Taken out again, so the next round starts from an empty composer.
  await page.getByTestId('pasted-remove').click();
  await page.getByTestId('composer-input').fill('');
  return { composerPaste2MbToFrameMs: Math.round(toFrame), composerPaste2MbLongestTaskMs: Math.round(longest), composerKeyAfterPasteMs: Math.round(key) };
}
