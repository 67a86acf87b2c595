/**
 * The one error settings code throws or returns. Its message is a single line a
 * CLI can print as is: the file (when there is one), the field, what is wrong.
 */

export type SettingsErrorKind =
  | 'missing'
  | 'unreadable'
  | 'not_json'
  | 'invalid'
  | 'newer_version'
  | 'inline_key'
  | 'read_only'
  | 'unwritable';

export interface SettingsErrorInit {
  kind: SettingsErrorKind;
  /** What is wrong, in words, e.g. `providers[1].baseURL: must be a full URL …`. */
  detail: string;
  /** The wrong field as a path, e.g. `providers[1].baseURL`. */
  field?: string;
  file?: string;
}

const MARK = Symbol.for('switchboard.SettingsError');

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  readonly [MARK] = true;
  readonly kind: SettingsErrorKind;
  readonly detail: string;
  readonly field?: string;
  readonly file?: string;

  constructor(init: SettingsErrorInit) {
    const detail = init.detail.replace(/\s+/g, ' ').trim();
    super(init.file ? `${init.file}: ${detail}` : detail);
    this.kind = init.kind;
    this.detail = detail;
    this.field = init.field;
    this.file = init.file;
  }

  static is(value: unknown): value is SettingsError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARK] === true;
  }
}

export type SettingsResult<T> = { ok: true; value: T } | { ok: false; error: SettingsError };
