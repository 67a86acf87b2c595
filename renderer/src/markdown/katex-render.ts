/** KaTeX and its stylesheet, loaded with the first formula rather than with the app. */
import katex from 'katex';
import 'katex/dist/katex.min.css';

export function renderTex(tex: string, display: boolean): string {
  // trust: false keeps \href, \url and \htmlClass from producing links or markup;
  // the limits stop a hostile macro from expanding without end.
  return katex.renderToString(tex, { displayMode: display, throwOnError: false, trust: false, strict: 'ignore', maxExpand: 500, maxSize: 50, output: 'htmlAndMathml' });
}
