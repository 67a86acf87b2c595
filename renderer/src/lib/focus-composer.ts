/** Puts the caret in the composer. After New chat the composer is mounted anew, so this waits a frame or two for it. */
import { focusWhenMounted } from './focus-when-mounted.js';

export function focusComposer(): void {
  focusWhenMounted(() => document.getElementById('composer-input'));
}
