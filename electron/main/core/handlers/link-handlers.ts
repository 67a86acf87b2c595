/** links.open: the host's opener (the system browser in Electron), after the URL check. */
import type { linkCalls } from '../../../../shared/contract/calls-links.js';
import type { Handlers } from '../../../../shared/contract/index.js';
import { checkWebUrl } from '../../../../shared/web-url.js';

type LinkHandlers = Pick<Handlers, keyof typeof linkCalls>;

export function linkHandlers(deps: { openExternal?: (url: string) => Promise<void> }): LinkHandlers {
  return {
    'links.open': async ({ url }) => {
      const checked = checkWebUrl(url);
      if (!checked) throw new Error('Only http and https links can be opened.');
      // The headless host has no browser of its own to hand links to; its page opens them itself.
      if (!deps.openExternal) return { opened: false };
      await deps.openExternal(checked);
      return { opened: true };
    },
  };
}
