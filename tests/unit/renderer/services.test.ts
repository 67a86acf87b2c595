import { describe, expect, it } from 'vitest';
import type { Client } from '../../../renderer/src/client/client.js';
import { createServices } from '../../../renderer/src/services.js';

type Status = 'connected' | 'reconnecting';

/** A client whose status the test sets by hand; calls are recorded and never answered. */
function fakeClient() {
  const calls: string[] = [];
  const statusListeners = new Set<(status: Status) => void>();
  const client: Client = {
    call: (name) => {
      calls.push(name);
      return new Promise(() => {});
    },
    on: () => () => {},
    onStatus: (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
  return { client, calls, status: (s: Status) => statusListeners.forEach((l) => l(s)) };
}

describe('connection status', () => {
  it('does not reload on the first connect, which main.tsx already loads for', () => {
    const fake = fakeClient();
    const services = createServices(fake.client);
    fake.status('connected');
    expect(fake.calls).toEqual([]);
    expect(services.notices.getState().connection).toBe('connected');
  });

  it('reloads everything once when the host comes back after a restart', () => {
    const fake = fakeClient();
    const services = createServices(fake.client);
    fake.status('connected');
    fake.status('reconnecting');
    expect(services.notices.getState().connection).toBe('reconnecting');
    expect(fake.calls).toEqual([]);
    fake.status('connected');
    expect(services.notices.getState().connection).toBe('connected');
    expect(fake.calls).toContain('settings.get');
    expect(fake.calls).toContain('conversations.list');
    const reloaded = fake.calls.length;
    // A second 'connected' without a drop in between is not another restart.
    fake.status('connected');
    expect(fake.calls).toHaveLength(reloaded);
  });
});
