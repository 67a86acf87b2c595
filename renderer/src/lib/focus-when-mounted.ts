/**
 * Focuses an element that may not be in the page yet (a row or box mounted anew
 * after a change): it looks again each frame, a few times.
 */
export function focusWhenMounted(find: () => Element | null, triesLeft = 5): void {
  requestAnimationFrame(() => {
    const el = find();
    if (el instanceof HTMLElement) el.focus();
    else if (triesLeft > 0) focusWhenMounted(find, triesLeft - 1);
  });
}
