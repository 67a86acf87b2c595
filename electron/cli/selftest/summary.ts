/** The self-test's verdict: how often detection agreed with each prompt's expected type, how many answered, and who answered. */
export interface SelftestResult {
  id: string;
  category: string;
  expected: string;
  detected: string;
  /** The provider that answered, or (dry run) the first one the prompt would go to; null when none could. */
  provider: string | null;
  model: string | null;
  ok: boolean;
}

export interface SelftestSummary {
  prompts: number;
  agreed: number;
  agreement: number;
  /** Per expected type: how many of its prompts detection put there. */
  byExpected: Record<string, { agreed: number; of: number }>;
  succeeded: number;
  successRate: number;
  /** Provider → prompts it answered (or would answer), most used first. */
  providers: Record<string, number>;
}

export function summarise(results: readonly SelftestResult[]): SelftestSummary {
  const byExpected: SelftestSummary['byExpected'] = {};
  const counts = new Map<string, number>();
  let agreed = 0;
  let succeeded = 0;
  for (const r of results) {
    const row = (byExpected[r.expected] ??= { agreed: 0, of: 0 });
    row.of++;
    if (r.detected === r.expected) {
      row.agreed++;
      agreed++;
    }
    if (r.ok) succeeded++;
    if (r.ok && r.provider) counts.set(r.provider, (counts.get(r.provider) ?? 0) + 1);
  }
  const share = (n: number) => (results.length === 0 ? 0 : n / results.length);
  const providers = Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  return { prompts: results.length, agreed, agreement: share(agreed), byExpected, succeeded, successRate: share(succeeded), providers };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The summary as a person reads it, in three lines. */
export function summaryLines(s: SelftestSummary, dryRun: boolean): string[] {
  const per = Object.entries(s.byExpected).map(([type, r]) => `${type} ${r.agreed}/${r.of}`).join(', ');
  const used = Object.entries(s.providers).map(([p, n]) => `${p} ×${n}`).join(', ') || 'none';
  return [
    `detection agreed with the expected type on ${s.agreed} of ${s.prompts} (${pct(s.agreement)}): ${per}`,
    dryRun ? `routable: ${s.succeeded} of ${s.prompts} (${pct(s.successRate)})` : `answered: ${s.succeeded} of ${s.prompts} (${pct(s.successRate)})`,
    `${dryRun ? 'providers it would use' : 'providers used'}: ${used}`,
  ];
}
