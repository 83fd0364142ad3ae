import { defineConfig } from 'vitest/config';

// The Playwright Electron suite (npm run test:electron → scripts/test-electron.mjs, which runs vitest
// with --root test/e2e-electron). It launches the real built kiosk, one at a time.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
