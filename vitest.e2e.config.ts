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
  },
});
