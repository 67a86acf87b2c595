import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/hostile/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores: keep the pool small so integration servers are not starved.
    maxWorkers: 2,
    // electron-store imports `electron`; inlining it lets the Electron-layer tests
    // hand it the stand-in module instead of the real (binary-less) package.
    server: { deps: { inline: ['electron-store'] } },
  },
});
