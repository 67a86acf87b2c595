import { useState } from 'react';
import { hostOf, safeWebUrl } from './safe-url.js';

/**
 * An image from model output is not fetched until the user asks: a prompt-injected
 * model could otherwise leak the conversation in the image's URL. Until then it is
 * a placeholder naming the host it would be fetched from.
 */
export function RemoteImage({ src, alt }: { src: string; alt: string }) {
  const [shown, setShown] = useState(false);
  const url = safeWebUrl(src);
  if (!url) return <span className="image-blocked">[image: {alt || 'not shown'}]</span>;
  if (shown) return <img src={url} alt={alt} referrerPolicy="no-referrer" className="remote-image" data-testid="remote-image" />;
  return (
    <button type="button" className="image-placeholder" data-testid="image-placeholder" title={url} onClick={() => setShown(true)}>
      Image from {hostOf(url)}
      {alt ? `: ${alt}` : ''} — click to load
    </button>
  );
}
