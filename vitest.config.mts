import { defineConfig } from 'vitest/config';

// Three projects: `unit` (plain Node, real files and processes; part of `npm run check`), `browser`
// (Debian's Chromium through playwright-core) and `windows` (the built CLI on Windows' Node under
// Wine). `npm test` runs all three.
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/e2e-electron/**', 'test/windows/**', 'node_modules/**'],
          testTimeout: 30_000,
          // Projects run one after another (unit, browser, windows): each loads both cores by itself.
          sequence: { groupOrder: 0 },
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
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'windows',
          include: ['test/windows/**/*.test.ts'],
          globalSetup: ['test/windows/support/wine-template.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Each test runs Windows processes under its own wineserver; two cores fit two files at once.
          maxWorkers: 2,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
