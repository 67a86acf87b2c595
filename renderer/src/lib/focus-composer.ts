/**
 * Puts the caret in the composer. After New chat the composer is mounted anew,
 * so this waits a frame or two for it to be there.
 */
export function focusComposer(triesLeft = 5): void {
  requestAnimationFrame(() => {
    const box = document.getElementById('composer-input');
    if (box instanceof HTMLTextAreaElement) box.focus();
    else if (triesLeft > 0) focusComposer(triesLeft - 1);
  });
}
