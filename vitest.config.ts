import { defineConfig } from 'vitest/config';

// Two projects: `unit` (plain Node, real files and processes; part of `npm run check`) and `browser`
// (Debian's Chromium through playwright-core). `npm test` runs both.
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/e2e-electron/**', 'node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each file drives its own Chromium; two cores cannot run many at once.
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
