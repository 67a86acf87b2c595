import type { InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: number | undefined;
  /** An empty (or unreadable) field reports `undefined`: "not set". */
  onChange(value: number | undefined): void;
};

/** An empty number field means "not set". */
function numberOrUndefined(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** A narrow number field where empty means "not set" (use the default, no limit…). */
export function OptionalNumberInput({ value, onChange, className = 'narrow', ...rest }: Props) {
  return <input {...rest} type="number" className={className} value={value ?? ''} onChange={(e) => onChange(numberOrUndefined(e.target.value))} />;
}
