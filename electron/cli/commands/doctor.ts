/**
 * `switchboard doctor`: checks every enabled provider end to end (the model list, then one tiny
 * streamed completion within its task's first-token timeout); exit 1 if any fails.
 */
import type { ProbeResult } from '../../../shared/providers.js';
import type { Core } from '../../main/core/app-core.js';
import { oneLine } from '../args.js';
import type { Output } from '../output.js';
import { providerNames } from '../provider-names.js';

export async function doctor(core: Core, out: Output): Promise<number> {
  const providers = core.settings().providers.filter((p) => p.enabled);
  if (providers.length === 0) {
    out.note('switchboard: no provider is enabled; add one in Settings or with --config');
    return 1;
  }
  // Probed side by side: one slow host should not make the whole check slow.
  const results: ProbeResult[] = await Promise.all(providers.map((p) => core.pool.test(p.id)));
  const name = providerNames(core);
  for (const r of results) {
    if (out.json) out.line({ ...r });
    else {
      const status = r.ok ? 'ok  ' : 'FAIL';
      const streamed = r.ttftMs !== undefined ? `, first token in ${Math.round(r.ttftMs)} ms from ${r.model ?? '?'}` : '';
      const detail = r.ok ? `${r.modelCount ?? 0} models${streamed}` : `${r.errorKind ?? 'error'}: ${oneLine(r.message ?? '')}`;
      out.text(`${status} ${name(r.provider).padEnd(16)} ${String(Math.round(r.latencyMs)).padStart(6)} ms  ${detail}${r.requestId ? ` (request ${r.requestId})` : ''}\n`);
    }
  }
  return results.every((r) => r.ok) ? 0 : 1;
}
