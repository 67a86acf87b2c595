/**
 * The one check a URL from model output passes to become a link, an image or a
 * page in the system browser: http or https, parsable, no user name or password
 * (which can disguise the real host). The renderer applies it to show a link;
 * main applies it again before the OS opens anything.
 */
export function checkWebUrl(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    // The parser strips tabs and newlines as browsers do ("java\tscript:" is javascript:),
    // and a relative URL, meaningless in model output, fails to parse here.
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password || !url.hostname) return undefined;
  return url.href;
}
