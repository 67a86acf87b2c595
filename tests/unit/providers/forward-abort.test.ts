import { describe, expect, it } from 'vitest';
import { eitherSignal } from '../../../electron/main/core/providers/adapters/response-tap.js';

describe('the signal a tapped request is sent with', () => {
  it("aborts when the SDK's signal or ours does, with that signal's reason", () => {
    const sdk = new AbortController();
    const ours = new AbortController();
    const merged = eitherSignal(sdk.signal, ours.signal);
    expect(merged.aborted).toBe(false);
    ours.abort('timeout');
    expect(merged.aborted).toBe(true);
    expect(merged.reason).toBe('timeout');
    sdk.abort('later');
    expect(merged.reason).toBe('timeout');

    const other = new AbortController();
    const merged2 = eitherSignal(other.signal, new AbortController().signal);
    other.abort('sdk timeout');
    expect(merged2.reason).toBe('sdk timeout');
  });

  it('starts aborted when either was aborted already', () => {
    const done = new AbortController();
    done.abort('stopped');
    const merged = eitherSignal(new AbortController().signal, done.signal);
    expect(merged.aborted).toBe(true);
    expect(merged.reason).toBe('stopped');
  });
});
