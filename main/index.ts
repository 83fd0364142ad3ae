// Composition root of the Electron main process: the only place that knows every piece. It reads
// the policy and prepares paths before Electron is ready, runs the start-up wipe while no browser
// file is open, then builds the window, the IPC gate and the kiosk (main/kiosk/compose.ts) from
// Electron adapters (main/electron/) and the core (src/).
import './startup-cache';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, powerMonitor } from 'electron';
import { readRecentWipes } from '../src/audit/recent';
import { readBlockedSince, startOfLocalDay } from '../src/blocked-journal/recent-blocked';
import type { ActionResult, BlockedTodayView, OutOfServiceReason } from '../src/ipc/contract';
import { stateFiles } from '../src/state/state-files';
import { refreshMetricsTextfile } from '../src/metrics/render';
import { backlogSource } from '../src/forwarding/backlog';
import { metricsTextfileDir, stateMetricsSources } from '../src/metrics/state-sources';
import { defaultMachinePolicyFile } from '../src/policy/load';
import { newestAppliedPolicyHash } from '../src/policy-pickup/last-applied';
import { createOsCredentialStore } from '../src/secrets/os-credential-store';
import type { Policy } from '../src/policy/schema';
import { observeMachinePolicy } from '../src/policy-pickup/observe';
import { systemClock } from '../src/schedule/system-clock';
import { withFileByteSource } from '../src/shell/byte-source';
import { decideDownloadContent } from '../src/shell/download-content';
import { decideLaunch, LAST_APPLIED_POLICY } from '../src/shell/launch-switches';
import { regExeReader, windowsProgramData, withOsProgramData } from '../src/policy/os-folders';
import { faultFromServiceState } from '../src/shell/service-fault';
import { UI_ENTRY_URL } from '../src/shell/security-settings';
import { markOutOfService, readServiceState } from '../src/state/service-state';
import { rememberCanaries } from '../src/wipe/canaries';
import { wipeClipboard } from '../src/wipe/clipboard';
import { runWipe } from '../src/wipe/run-wipe';
import { hardenApp, prepareBeforeReady } from './electron/app-setup';
import { electronClipboard } from './electron/clipboard';
import { createKioskWindow } from './electron/kiosk-window';
import { createLifecycle } from './electron/lifecycle';
import { createUiSession, hardenDefaultSession } from './electron/sessions';
import { runHeadlessIfCommand } from './headless';
import { registerIpcHandlers, registerSiteIpc, registerSitePrintGate } from './ipc/electron-ipc';
import { createIpcDispatcher } from './ipc/dispatch';
import { createSiteDispatcher } from './ipc/site-dispatch';
import { planBoot } from './kiosk/boot-plan';
import { machinePolicyAtBoot } from './kiosk/machine-policy';
import { planKioskBoot } from './kiosk/kiosk-boot';
import { verifyAuditLog } from '../src/audit/verify-log';
import { startMetricsWriter } from './kiosk/metrics-writer';
import type { MachinePolicyPort } from './kiosk/policy-pickup';
import { installFaultHandlers } from './kiosk/fault-handlers';
import { composeKiosk } from './kiosk/compose';
import { probesForPlatform } from '../src/compliance/probes-for-platform';
import { runDoctor } from '../src/compliance/run-doctor';
import { readPreviousComplianceRuns } from '../src/compliance/previous-runs';
import type { AuditSink, ComplianceAuditRecord } from '../src/audit/record-types';
import { buildCoreServices } from './kiosk/core-services';
import { holdKioskLock, type HeldLock } from './kiosk/liveness';
import { anotherKioskRunning, runStartupWipe, startupWipeCommand, WIPE_ON_START, wipeOnStartTrigger, type SpawnSync } from './kiosk/startup-wipe';
import { attachUiGuards } from './kiosk/ui-guards';
import type { StartupWipeResult } from './kiosk/wipers';

const log = (message: string): void => console.error(`public-kiosk: ${message}`);
// First of all: a fault in main is logged and ends in out-of-service, never in a native dialog.
const faults = installFaultHandlers(process, log);

function metricsTextfileDirOrNull(policy: Policy, env: Record<string, string | undefined>): string | null {
  try {
    return metricsTextfileDir(policy, process.platform, env);
  } catch (error) {
    log(`metrics: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
const noPolicy = (): Promise<never> => Promise.reject(new Error('no valid policy'));

async function main(): Promise<void> {
  faults.exitOnFault(() => app.exit(1));
  if (await runHeadlessIfCommand(process.argv)) return;
  faults.exitOnFault(null);
  // The packaged kiosk: no debugger, no sandbox-off, no other policy from its shortcut or environment.
  const launch = decideLaunch({ argv: process.argv, env: process.env, isPackaged: app.isPackaged, platform: process.platform });
  if (launch.action === 'refuse') {
    log(`refusing to start: weakening switches or environment: ${launch.reasons.join(', ')}`);
    app.exit(1);
    return;
  }
  for (const line of launch.ignored) log(line);
  // Windows: ProgramData (the machine policy file, the default data roots) is the OS's, never a variable's.
  const osFolders = withOsProgramData(launch.env, process.env, process.platform, () => windowsProgramData(regExeReader()));
  for (const line of osFolders.notes) log(line);
  const env = osFolders.env;
  const machineFile = defaultMachinePolicyFile(process.platform, env);
  // Each machine layer read once; a relaunch's last-applied copy vouched for by the state root the
  // machine file names (never one the copy names), before anything runs on it.
  const boot = await planKioskBoot({
    argv: launch.argv,
    env,
    platform: process.platform,
    machineFile,
    observe: observeMachinePolicy,
    newestAppliedHash: newestAppliedPolicyHash,
    auditLogVerifies: async (root) => (await verifyAuditLog(root, createOsCredentialStore())).ok,
  });
  const plan = boot.plan;
  if (boot.refused) log(`the last-applied machine policy is not trusted (${boot.refused}): out of service`);
  for (const problem of plan.problems) log(`policy: ${problem}`);
  prepareBeforeReady(plan.roots);
  const wipeTrigger = wipeOnStartTrigger(launch.argv);
  let startup: StartupWipeResult = { ran: false };
  if (plan.roots && !anotherKioskRunning(plan.roots.state)) {
    const facts = { platform: process.platform, execPath: process.execPath, isPackaged: app.isPackaged, appPath: app.getAppPath(), policyFile: plan.policyFile, lastAppliedHash: boot.standIn ? (boot.running?.hash ?? null) : null };
    startup = runStartupWipe(spawnSync as SpawnSync, startupWipeCommand(facts, wipeTrigger), launch.childEnv);
    if (startup.ran) log(`start-up wipe: ${startup.ok ? 'done' : startup.detail}`);
  }
  if (!app.requestSingleInstanceLock()) {
    app.exit(0);
    return;
  }
  await app.whenReady();
  hardenApp();
  hardenDefaultSession();

  const uiSession = createUiSession(path.join(__dirname, '..', 'ui', 'renderer'), plan.mode.dev);
  const win = createKioskWindow(plan.mode, { ui: path.join(__dirname, 'ipc', 'preload.js'), site: path.join(__dirname, 'ipc', 'site-preload.js') }, uiSession);
  let services: ReturnType<typeof buildCoreServices> | null = null;
  let servicesFailed = false;
  try {
    services = plan.policy && plan.roots ? buildCoreServices(plan.policy, plan.roots, app.getVersion(), log, electronClipboard) : null;
  } catch (error) {
    servicesFailed = true;
    log(`the core services could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  const state = plan.roots?.state;
  let lock: HeldLock | null = null;
  const lifecycle = createLifecycle(async () => lock?.release(), win.allowClose);

  let machinePolicy: MachinePolicyPort | null = null;
  // The shift wipe's relaunch: on the last-applied copy when the machine file is not (yet) what runs.
  let keepPolicy: string[] = [];
  if (services && state && plan.policy) {
    const audit = services.audit;
    machinePolicy = await machinePolicyAtBoot({
      machineFile,
      running: boot.running,
      standIn: boot.standIn,
      observe: (file) => observeMachinePolicy(file),
      // Exactly the bytes the pick-up read and hashed, as the machine layer under this start's rules.
      validate: (content) => {
        const next = planBoot(launch.argv, env, process.platform, { file: machineFile, content });
        return next.policy ? { ok: true } : { ok: false, problems: next.problems };
      },
      stateRoot: state,
      audit,
      relaunch: (hash) => void lifecycle.relaunch(hash === null ? [] : [`${LAST_APPLIED_POLICY}=${hash}`]),
      relaunchOnCopy: (hash) => {
        keepPolicy = hash === null ? [] : [`${LAST_APPLIED_POLICY}=${hash}`];
      },
      now: () => new Date(),
      log,
    }).catch((error: unknown) => {
      log(`machine policy pick-up is off: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
  }

  const kiosk = composeKiosk({
    policy: plan.policy,
    roots: plan.roots,
    window: win.port,
    siteViews: win.siteViews,
    clock: systemClock,
    runWipe: (request) => (services ? runWipe(request, services.wipeDeps) : noPolicy()),
    markOutOfService: (reason) => (services && state ? markOutOfService(state, reason, services.audit) : noPolicy()),
    readLastShiftWipe: async () => (state ? (await readServiceState(state)).lastShiftWipe : null),
    shiftWipes: { startup, relaunchedForWipe: wipeTrigger !== null, relaunchForWipe: (t) => void lifecycle.relaunch([`${WIPE_ON_START}=${t}`, ...keepPolicy]), clearClipboard: () => wipeClipboard(electronClipboard, process.platform), log },
    staff: services?.staff ?? null,
    readRecentWipes: (count) => (state ? readRecentWipes(state, count) : Promise.resolve([])),
    rememberCanaries: (canaries) => (state ? rememberCanaries(state, canaries) : noPolicy()),
    files: {
      exists: (dir, name) => existsSync(path.join(dir, name)),
      ensureDir: (dir) => void mkdirSync(dir, { recursive: true, mode: 0o700 }),
      write: (file, text) => writeFile(file, text, { mode: 0o600 }),
      checkDownload: (file, extension) => withFileByteSource(file, (source) => decideDownloadContent(extension, source)),
      remove: (file) => rmSync(file, { force: true }),
    },
    newSessionId: () => randomUUID(),
    reloadPolicy: async (): Promise<ActionResult> => {
      const next = planBoot(launch.argv, env, process.platform);
      if (!next.policy) return { ok: false, reason: 'invalid', message: next.problems[0] ?? 'the policy is not valid' };
      if (kiosk.controller?.session()) return { ok: false, reason: 'failed', message: 'session-open' };
      void lifecycle.relaunch([]);
      return { ok: true };
    },
    leaveKiosk: () => {
      void lifecycle.leave();
      return { ok: true };
    },
    machinePolicy,
    log,
    compliance: complianceDoctor(services?.audit ?? null, plan.policy, state),
    appendBlocked: services ? (record) => services.audit.append(record) : null,
    readBlockedToday: state && plan.policy ? () => blockedToday(state, plan.policy?.schedule.timeZone ?? 'UTC') : null,
  });
  // A relaunch onto a copy nobody can vouch for (a forged folder, an edited copy or log): fail closed.
  if (boot.refused) kiosk.controller?.reportFault('policy-invalid');

  attachUiGuards(win.ui.webContents, () => kiosk.shell.uiInput(), log);
  registerIpcHandlers(createIpcDispatcher(kiosk.handlers, () => win.ui.webContents.id, (refusal) => log(refusal.message)));
  registerSiteIpc(createSiteDispatcher(kiosk.siteHandlers, kiosk.siteContentsId, (refusal) => log(refusal.message)));
  registerSitePrintGate(kiosk.sitePrintGate);
  win.ui.webContents.on('render-process-gone', (_event, details) => {
    log(`the kiosk UI renderer is gone (${details.reason}); reloading it`);
    void win.ui.webContents.loadURL(UI_ENTRY_URL);
  });
  await win.ui.webContents.loadURL(UI_ENTRY_URL);
  win.show();
  if (plan.mode.dev) win.ui.webContents.openDevTools({ mode: 'detach' });

  const metricsDir = plan.policy ? metricsTextfileDirOrNull(plan.policy, env) : null;
  if (services && state && plan.policy && metricsDir) {
    const sources = stateMetricsSources({
      policy: plan.policy,
      stateRoot: state,
      store: services.credentials,
      backlog: backlogSource(state, plan.policy.reporting.syslog),
      build: { version: app.getVersion(), platform: process.platform, nodeVersion: process.versions.node },
    });
    const metrics = startMetricsWriter({ refresh: () => refreshMetricsTextfile(metricsDir, sources), clock: systemClock, log });
    let lastState = '';
    // On state changes only: a countdown's status every second is not a change worth a write.
    kiosk.controller?.onStatus((status) => {
      if (status.state !== lastState) metrics.changed();
      lastState = status.state;
    });
  }

  let pendingSince: string | null = null;
  kiosk.controller?.onStatus((status) => {
    if (status.shiftWarning && pendingSince === null) pendingSince = new Date().toISOString();
    if (status.state === 'welcome' || status.state === 'wiping-shift') pendingSince = null;
  });
  let fault: OutOfServiceReason | null = servicesFailed ? 'internal-error' : null;
  if (state && !servicesFailed) {
    try {
      lock = await holdKioskLock({
        stateRoot: state,
        clock: systemClock,
        pendingSince: () => pendingSince,
        onLost: () => {
          log('the liveness lock was taken over by another process: out of service');
          kiosk.controller?.reportFault('internal-error');
        },
        log,
      });
      fault = faultFromServiceState(await readServiceState(state));
    } catch (error) {
      // Fail closed: a state root the kiosk cannot lock or read means it cannot prove anything.
      log(`the state root is not usable: ${error instanceof Error ? error.message : String(error)}`);
      fault = 'internal-error';
    }
  }
  // Whatever the last process (or another program) left on the clipboard goes before any citizen sits down.
  const clipboardAtStart = await wipeClipboard(electronClipboard, process.platform);
  if (clipboardAtStart.cleared === false) {
    log(`the clipboard could not be cleared at start (${clipboardAtStart.errors.join('; ')}): out of service`);
    fault ??= 'internal-error';
  }
  const earlyFault = faults.attach((reason) => {
    if (kiosk.controller) kiosk.controller.reportFault(reason);
  });
  if (earlyFault) fault ??= earlyFault;
  await kiosk.start(fault);
  // Syslog forwarding runs beside the kiosk: a collector that is down only grows its backlog.
  services?.startForwarding();
  services?.startSettlingSignInFailures();
  powerMonitor.on('resume', () => void kiosk.controller?.resumed());
  powerMonitor.on('unlock-screen', () => void kiosk.controller?.unlocked());
  app.on('second-instance', () => win.show());
}

main().catch((error: unknown) => {
  log(`fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  app.exit(1);
});

/** The staff panel's "blocked today": this kiosk's records since local midnight, ranked. */
async function blockedToday(stateRoot: string, timeZone: string): Promise<BlockedTodayView> {
  const now = Date.now();
  const summary = await readBlockedSince(stateFiles(stateRoot).auditLog, startOfLocalDay(now, timeZone), now);
  return { records: summary.records, otherCount: summary.otherCount, hosts: summary.rows.map(({ host, kind, rule, sessions, count }) => ({ host, kind, rule, sessions, count })) };
}

/** The doctor on this machine's real probes, its records appended to the audit log. */
function complianceDoctor(audit: AuditSink | null, policy: Policy | null, stateRoot: string | undefined) {
  if (!audit || !policy) return null;
  const settings = policy.compliance;
  return {
    runDoctor: () => runDoctor({ probes: probesForPlatform(), policy: settings, printingMode: policy.printing.mode }),
    append: (record: ComplianceAuditRecord) => audit.append(record),
    ...(stateRoot === undefined ? {} : { previousRuns: () => readPreviousComplianceRuns(stateRoot, 100) }),
  };
}
