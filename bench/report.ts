/** Prints the results as a plain table: metric, value, goal, and whether it was met. */

export interface Row {
  metric: string;
  value: number | string;
  unit?: string;
  goal?: string;
  met?: boolean;
}

function cell(value: number | string, unit: string | undefined): string {
  const text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(3)) : value;
  return unit ? `${text} ${unit}` : text;
}

export function printTable(title: string, rows: Row[]): void {
  const lines = rows.map((r) => [r.metric, cell(r.value, r.unit), r.goal ?? '', r.met === undefined ? '' : r.met ? 'yes' : 'NO']);
  const header = ['metric', 'value', 'goal', 'met'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const format = (cols: string[]): string => cols.map((c, i) => (i === 1 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join('  ').trimEnd();
  console.log(`\n${title}`);
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(format(l));
}
