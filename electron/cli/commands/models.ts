/** `switchboard models [--provider ID]`: the catalog's models and each provider's live list. */
import type { Core } from '../../main/core/app-core.js';
import { UsageError } from '../../main/core/host-options.js';
import type { Output } from '../output.js';

export async function models(core: Core, providerId: string | undefined, out: Output): Promise<number> {
  const providers = core.settings().providers.filter((p) => !providerId || p.id === providerId);
  if (providerId && providers.length === 0) throw new UsageError(`unknown provider "${providerId}"`);
  for (const p of providers) {
    const result = await core.pool.models(p.id);
    if (out.json) {
      out.line({ provider: p.id, source: result.source, models: result.models, ...(result.error ? { error: result.error } : {}) });
      continue;
    }
    const where = result.source === 'live' ? 'live' : `catalog${result.error ? `; live list failed: ${result.error}` : ''}`;
    out.text(`${p.id} (${where})\n`);
    for (const m of result.models) {
      const price =
        m.inputUsdPerMTok !== undefined ? `  $${m.inputUsdPerMTok}/$${m.outputUsdPerMTok ?? '?'} per M tokens` : '';
      const ctx = m.contextWindow ? `  ${Math.round(m.contextWindow / 1000)}k ctx` : '';
      out.text(`  ${m.id}${ctx}${price}\n`);
    }
  }
  // A catalog-only list is still a useful answer; it is not a failed command.
  return 0;
}
