import { useEffect, useState } from 'react';

type Katex = typeof import('./katex-render.js');
let loading: Promise<Katex> | undefined;
let loaded: Katex | undefined;
const load = () =>
  (loading ??= import('./katex-render.js').then((m) => {
    loaded = m;
    return m;
  }));

/**
 * Loads KaTeX and typesets one formula once the app is idle after start, so the
 * first formula of a streaming answer does not pay for parsing KaTeX's module and
 * its first layout in the middle of the stream (a 60-90 ms task, seen in the
 * bench's 2,000 tokens/s stream). The app's first paint does not wait for it.
 */
export function prepareMathWhenIdle(): void {
  const warm = () => void load().then(({ renderTex }) => renderTex('x^2', false));
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 3_000 });
  else setTimeout(warm, 1_000);
}

/** A formula: its TeX source until KaTeX has loaded, then typeset. */
export function MathView({ tex, display }: { tex: string; display: boolean }) {
  // Once KaTeX is in, a formula typesets in its first paint: no flash of TeX source.
  const [html, setHtml] = useState<{ tex: string; html: string } | undefined>(() => (loaded ? { tex, html: loaded.renderTex(tex, display) } : undefined));
  useEffect(() => {
    if (html?.tex === tex) return;
    let live = true;
    void load().then(({ renderTex }) => {
      if (live) setHtml({ tex, html: renderTex(tex, display) });
    });
    return () => {
      live = false;
    };
  }, [tex, display, html?.tex]);
  const Tag = display ? 'div' : 'span';
  if (!html || html.tex !== tex) return <Tag className={display ? 'math math-display pending' : 'math pending'}>{tex}</Tag>;
  // KaTeX escapes the TeX it is given and, without trust, emits no links or scripts.
  return <Tag className={display ? 'math math-display' : 'math'} data-testid="math" dangerouslySetInnerHTML={{ __html: html.html }} />;
}
