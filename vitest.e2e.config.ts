import { defineConfig } from 'vitest/config';

// End-to-end tests drive the real renderer in Debian's Chromium through the
// headless host; one file at a time keeps two cores from being starved. Tests
// that start many processes at once (tests/processes: twenty concurrent CLI
// writers, a SIGKILL mid-stream) run here too, so they neither starve nor are
// starved by the other tests.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts', 'tests/processes/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    // A poll waits for what a user would see next. Under CI load a save that
    // re-reads every provider's key from the keychain can take longer than the
    // 1 s default without being wrong, so polls get the room a slow machine
    // needs; one that never succeeds still fails.
    expect: { poll: { timeout: 10_000 } },
  },
});
