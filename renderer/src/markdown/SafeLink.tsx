import type { MouseEvent, ReactNode } from 'react';
import { useServices } from '../services-context.js';
import { safeWebUrl } from './safe-url.js';

/**
 * A link from model output. Only http(s) becomes a link. In the desktop app a click
 * asks main to open it in the system browser (main checks it again); in browser
 * mode it opens in a new tab with no opener.
 */
export function SafeLink({ href, title, children }: { href: string; title?: string | null; children: ReactNode }) {
  const { client } = useServices();
  const url = safeWebUrl(href);
  if (!url) {
    return (
      <span className="unsafe-link" title={`Link not opened: only http and https links are allowed (${href.slice(0, 80)})`}>
        {children}
      </span>
    );
  }
  const checked = url;
  const inDesktop = typeof window !== 'undefined' && window.switchboard !== undefined;
  function onClick(e: MouseEvent<HTMLAnchorElement>): void {
    if (!inDesktop) return;
    e.preventDefault();
    void client.call('links.open', { url: checked }).catch(() => {});
  }
  return (
    <a href={url} title={title ?? url} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer" onClick={onClick}>
      {children}
    </a>
  );
}
