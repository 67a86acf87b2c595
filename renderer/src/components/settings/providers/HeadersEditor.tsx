import type { HeaderRow } from '../../../lib/settings-edit.js';

/** Extra HTTP headers as name/value rows. */
export function HeadersEditor({ rows, onChange }: { rows: HeaderRow[]; onChange: (rows: HeaderRow[]) => void }) {
  const set = (i: number, patch: Partial<HeaderRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="headers">
      <legend>Headers (optional)</legend>
      {rows.map((r, i) => (
        <div className="row" key={i}>
          <input aria-label={`Header ${i + 1} name`} placeholder="Name" value={r.name} onChange={(e) => set(i, { name: e.target.value })} />
          <input aria-label={`Header ${i + 1} value`} placeholder="Value" value={r.value} onChange={(e) => set(i, { value: e.target.value })} />
          <button type="button" aria-label={`Remove header ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, { name: '', value: '' }])}>
        Add header
      </button>
    </fieldset>
  );
}
