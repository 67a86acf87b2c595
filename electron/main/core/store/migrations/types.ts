/** The contract every settings migration follows: one version step, pure, no I/O. */

export type RawSettings = Record<string, unknown>;

/** A key found inline in a settings file, on its way to the secret store. */
export interface InlineKey {
  provider: string;
  key: string;
  /** Where it sat, e.g. `providers[0].apiKey`. */
  field: string;
}

export interface MigrationContext {
  /** Hands over a key found in the file; the migration must drop it from its output. */
  moveKey(found: InlineKey): void;
}

export interface Migration {
  from: number;
  to: number;
  migrate(raw: RawSettings, context: MigrationContext): RawSettings;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
