import { defineConfig } from 'vitest/config';

// Five projects, all run by `npm test` (and CI): `unit` (plain Node, real files, a few quick runs of
// the built CLI; `npm run check`, the inner loop: it must stay fast on a 2-core machine), `slow` (the
// process-level suites below), `soak` (random kills), `browser` (Debian's Chromium through
// playwright-core) and `windows` (the built CLI on Windows' Node under Wine).

/** Process-level suites: many real processes, OS services or external tools. `npm run test:slow`. */
const slowFiles = [
  // Every crash point in turn (a SIGKILLed CLI each), and state files cut at every byte.
  'test/src/crash/wipe-crash-points.test.ts',
  'test/src/crash/staff-crash-points.test.ts',
  'test/src/crash/keyed-crash-points.test.ts',
  'test/src/crash/torn-writes.test.ts',
  // Keyring sessions: gnome-keyring in its own D-Bus session per file.
  'test/src/secrets/os-credential-store.test.ts',
  'test/src/cli/wipe-keyring.test.ts',
  'test/src/cli/audit-rollback-keyring.test.ts',
  'test/src/cli/staff-totp-enrol.test.ts',
  // Real services and tools: rsyslog, promtool/amtool, systemd-analyze, apt-get, electron-builder, npm test itself.
  'test/src/forwarding/rsyslog-receiver.test.ts',
  'test/src/cli/forward.test.ts',
  'test/deploy/rsyslog-recipe.test.ts',
  'test/deploy/prometheus-rules.test.ts',
  'test/src/metrics/families.test.ts',
  'test/src/cli/metrics.test.ts',
  'test/src/install/systemd-units.test.ts',
  'test/src/compliance/linux-probes.test.ts',
  'test/packaging/builder-config.test.ts',
  'test/packaging/smoke.test.ts',
  'test/packaging/pack-hooks.test.ts',
  'test/scripts/test-deps.test.ts',
  // CLI suites that run the built CLI dozens of times (real wipes, fleets of logs, scrypt accounts).
  'test/src/cli/policy-check.test.ts',
  'test/src/cli/policy-check-wipe-paths.test.ts',
  'test/src/cli/policy-check-url-type.test.ts',
  'test/src/cli/wipe.test.ts',
  'test/src/cli/staff.test.ts',
  'test/src/cli/report.test.ts',
  'test/src/cli/report-fleet.test.ts',
  'test/src/cli/schedule.test.ts',
  'test/src/liveness/kiosk-lock.test.ts',
  // Real wipes through the built CLI: retries against a locked file, session paths, the scheduler
  // registration, the start-up wipe's child, prompts on a pseudo-terminal.
  'test/src/cli/install-schedule.test.ts',
  'test/src/cli/wipe-session-paths.test.ts',
  'test/src/cli/wipe-status.test.ts',
  'test/src/cli/wipe-locked.test.ts',
  'test/src/cli/wipe-if-due-process.test.ts',
  'test/src/cli/staff-terminal.test.ts',
  'test/main/kiosk/startup-wipe-cli.test.ts',
  'test/src/cli/wipe-last-applied.test.ts',
  'test/src/cli/wipe-fifo.test.ts',
  'test/scripts/private-checkout.test.ts',
  // Fleets of logs through the built CLI: report on worker threads, the blocked-host ranking, signatures.
  'test/src/cli/report-jobs.test.ts',
  'test/src/cli/blocked.test.ts',
  'test/src/policy/examples.test.ts',
  'test/src/cli/report-signatures-keyring.test.ts',
  'test/src/cli/report-keys-input.test.ts',
  'test/src/cli/audit-start-new-log.test.ts',
  // Real scrypt at the OWASP minimum parameters: seconds of CPU per test.
  'test/src/staff/verifier.test.ts',
];

/** The random-kill soak: 200 SIGKILLs at random moments of real wipes (minutes). Once per `npm test`. */
const soakFiles = ['test/src/cli/wipe-crash.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/e2e-electron/**', 'test/windows/**', 'node_modules/**', ...slowFiles, ...soakFiles],
          testTimeout: 30_000,
          // Projects run one after another (unit, slow, soak, browser, windows): each loads both cores by itself.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'slow',
          include: slowFiles,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'soak',
          include: soakFiles,
          testTimeout: 30_000,
          sequence: { groupOrder: 2 },
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
          sequence: { groupOrder: 3 },
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
          sequence: { groupOrder: 4 },
        },
      },
    ],
  },
});
