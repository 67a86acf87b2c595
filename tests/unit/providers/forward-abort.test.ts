import { describe, expect, it } from 'vitest';
import { controllerFor, forwardAbort } from '../../../electron/main/core/providers/adapters/response-tap.js';

describe("a tapped call's own controller", () => {
  it("aborts when the SDK's signal does, with its reason, and stays aborted with the first reason", () => {
    const sdk = new AbortController();
    const call = new AbortController();
    forwardAbort(sdk.signal, call);
    expect(call.signal.aborted).toBe(false);
    sdk.abort('sdk timeout');
    expect(call.signal.aborted).toBe(true);
    expect(call.signal.reason).toBe('sdk timeout');
  });

  it('does not abort the SDK when the call is aborted: the SDK learns of it from the failed request', () => {
    const sdk = new AbortController();
    const call = new AbortController();
    forwardAbort(sdk.signal, call);
    call.abort('timeout');
    expect(sdk.signal.aborted).toBe(false);
    sdk.abort('later');
    expect(call.signal.reason).toBe('timeout');
  });

  it('starts aborted when the signal it follows was aborted already', () => {
    const done = new AbortController();
    done.abort('stopped');
    const call = controllerFor(done.signal);
    expect(call.signal.aborted).toBe(true);
    expect(call.signal.reason).toBe('stopped');
  });
});
