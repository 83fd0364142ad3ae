import type { ContentVerdict } from '../../src/shell/download-content';
import path from 'node:path';
import type { ActionResult } from '../../src/ipc/contract';
import type { BlockedAuditRecord, WipeAuditRecord } from '../../src/audit/record-types';
import type { BlockedTodayView } from '../../src/ipc/contract';
import type { Policy } from '../../src/policy/schema';
import type { KioskClock } from '../../src/schedule/clock';
import type { LastShiftWipe } from '../../src/schedule/due-check';
import { SessionController } from '../../src/session/controller';
import type { CitizenSession } from '../../src/session/types';
import type { OutOfServiceReason } from '../../src/ipc/contract';
import { createSessionCanaries, type SessionCanaries } from '../../src/wipe/canaries';
import type { WipeRequest } from '../../src/wipe/types';
import { buildIpcHandlers } from '../ipc/handlers';
import { clearSiteSession } from '../site/clear-session';
import { armStorageCanaries } from '../site/storage-canaries';
import { KioskShell } from './kiosk-shell';
import { attachPolicyPickup, type MachinePolicyPort } from './policy-pickup';
import type { KioskWindowPort, SiteViewFactory, SiteViewHandle } from './ports';
import { SiteViewManager } from './site-view-manager';
import { createSitePrintGate } from '../ipc/site-print-gate';
import { ComplianceWatch, type ComplianceWatchDeps } from './compliance-watch';
import { StaffDesk, type StaffPort } from './staff-desk';
import { createSessionWiper, createShiftWiper, type ShiftWiperDeps } from './wipers';

/**
 * Builds the kiosk from its ports: the same code runs with Electron (main/index.ts) and with fakes
 * (test/main/). With no valid policy there is no controller and no site view manager at all, so
 * the out-of-service screen is the only thing the kiosk can show.
 */
export interface KioskPorts {
  policy: Policy | null;
  /** The policy's downloads and state roots; null with no policy. */
  roots: { downloads: string; state: string } | null;
  window: KioskWindowPort;
  siteViews: SiteViewFactory;
  clock: KioskClock;
  runWipe(request: WipeRequest): Promise<{ ok: boolean }>;
  markOutOfService(reason: string): Promise<void>;
  readLastShiftWipe(): Promise<LastShiftWipe | null>;
  shiftWipes: ShiftWiperDeps;
  staff: StaffPort | null;
  readRecentWipes(count: number): Promise<WipeAuditRecord[]>;
  rememberCanaries(canaries: SessionCanaries): Promise<void>;
  files: {
    exists(dir: string, name: string): boolean;
    ensureDir(dir: string): void;
    write(file: string, text: string): Promise<void>;
    /** A finished download's bytes against its extension (src/shell/download-content.ts on the real file). */
    checkDownload(file: string, extension: string): ContentVerdict;
    remove(file: string): void;
  };
  newSessionId(): string;
  reloadPolicy(): Promise<ActionResult>;
  leaveKiosk(): ActionResult;
  /** The machine policy file's pick-up at safe points; absent without a valid policy. */
  machinePolicy?: MachinePolicyPort | null;
  log(message: string): void;
  /** The compliance doctor and the audit log's append; absent (tests, no policy) means no doctor runs. */
  compliance?: Pick<ComplianceWatchDeps, 'runDoctor' | 'append' | 'previousRuns'> | null;
  /** The audit log's append for each session's blocked-host record (forwarded like every record). */
  appendBlocked?: ((record: BlockedAuditRecord) => Promise<void>) | null;
  /** This kiosk's blocked hosts since local midnight (the staff panel). */
  readBlockedToday?: (() => Promise<BlockedTodayView>) | null;
}

/** The cookie canary's URL: `.invalid` never resolves, and the request guard refuses it anyway. */
export const CANARY_COOKIE_URL = 'https://public-kiosk-canary.invalid/';
/** The download canary: a dot file, which no sanitised download name can ever be. */
export const DOWNLOAD_CANARY_NAME = '.public-kiosk-canary';

export function composeKiosk(ports: KioskPorts) {
  const { policy, roots } = ports;
  let views: SiteViewManager | null = null;
  let controller: SessionController<SessionCanaries> | null = null;
  let shell: KioskShell | null = null;
  let pickup: ReturnType<typeof attachPolicyPickup> | null = null;
  const current = (): Policy | null => policy;
  if (policy && roots) {
    views = new SiteViewManager({
      factory: ports.siteViews,
      window: ports.window,
      policy: () => policy,
      downloadsRoot: roots.downloads,
      fileExists: ports.files.exists,
      ensureDir: ports.files.ensureDir,
      checkDownload: ports.files.checkDownload,
      removeFile: ports.files.remove,
      events: {
        crashed: (sessionId, reason) => shell?.siteCrashed(sessionId, reason),
        pageChanged: () => shell?.refresh(),
        notice: (notice) => shell?.showNotice(notice),
        activity: () => shell?.activity(),
        printRequested: () => shell?.printRequested(),
        staffShortcut: () => shell?.staffShortcutFromSite(),
        hung: (sessionId) => shell?.siteHung(sessionId),
      },
      setTimer: (ms, cb) => ports.clock.setTimer(ms, cb),
      log: ports.log,
      ...(ports.appendBlocked ? { appendRecord: ports.appendBlocked } : {}),
      now: () => new Date(ports.clock.now()),
    });
    const viewManager = views;
    controller = new SessionController<SessionCanaries>({
      policy,
      clock: ports.clock,
      runSessionWipe: createSessionWiper({ views: viewManager, runWipe: ports.runWipe, markOutOfService: ports.markOutOfService, log: ports.log }),
      runShiftWipe: createShiftWiper({
        ...ports.shiftWipes,
        // A shift wipe is a safe point: a changed machine file is judged (and recorded) before the relaunch takes it up.
        relaunchForWipe: (trigger) => void (pickup?.beforeShiftRelaunch() ?? Promise.resolve()).finally(() => ports.shiftWipes.relaunchForWipe(trigger)),
      }),
      readLastShiftWipe: () => ports.readLastShiftWipe(),
      newSessionId: ports.newSessionId,
      createCanaries: (id) => createSessionCanaries(id, new Date(ports.clock.now())),
      // The partition name is the session id itself: the wipe engine, the downloads folder and the
      // canaries all name the session the same way.
      options: { partitionPrefix: '' },
    });
  }
  const activeController = controller;
  shell = new KioskShell({
    policy: current,
    controller: activeController,
    views,
    window: ports.window,
    prepareSession: (session, view) => plantCanaries(ports, session, view),
    discardOrphan: (session) => {
      if (session) void clearSiteSession(session);
    },
    setTimer: (ms, cb) => ports.clock.setTimer(ms, cb),
    now: () => new Date(ports.clock.now()),
    log: ports.log,
  });
  if (activeController && ports.machinePolicy) pickup = attachPolicyPickup(ports.machinePolicy, activeController, shell, ports.clock, ports.log);
  const complianceDeps = ports.compliance;
  const compliance =
    policy && activeController && complianceDeps
      ? new ComplianceWatch({
          ...complianceDeps,
          outOfServiceOn: policy.compliance.outOfServiceOn,
          ...(policy.compliance.errorAsFailAfter === undefined ? {} : { errorAsFailAfter: policy.compliance.errorAsFailAfter }),
          // Persisted too (service record in the audit log, `status`, a restart): only a successful
          // shift wipe clears it, and the doctor runs again right after that wipe.
          outOfService: () => {
            activeController.reportFault('compliance');
            ports.markOutOfService('compliance').catch((error: unknown) => ports.log(`out-of-service flag not written: ${error instanceof Error ? error.message : 'error'}`));
          },
          log: ports.log,
        })
      : null;
  // After every shift wipe (start-up, caught up, staff's or recovery), failed ones too: the machine a
  // new shift starts on, and what staff need to see when it went out of service.
  activeController?.onEvent((record) => {
    const done = record.event.type === 'wipe-succeeded' || record.event.type === 'wipe-failed';
    if (done && record.from === 'wiping-shift' && !record.ignored) void compliance?.run();
  });
  const kioskShellForDesk = shell;
  const staffDesk = new StaffDesk({
    staff: ports.staff,
    shell,
    forceWipe: () => activeController?.forceWipe() ?? false,
    readRecentWipes: ports.readRecentWipes,
    latestCompliance: () => compliance?.view() ?? null,
    reloadPolicy: ports.reloadPolicy,
    leaveKiosk: () => (activeController?.session() ? { ok: false, reason: 'failed', message: 'session-open' } : ports.leaveKiosk()),
    startRehearsal: () => kioskShellForDesk.startRehearsal(),
    ...(ports.readBlockedToday ? { readBlockedToday: ports.readBlockedToday } : {}),
  });
  const handlers = buildIpcHandlers(shell, staffDesk);
  const kioskShell = shell;
  const viewManager = views;
  return {
    shell: kioskShell,
    /** The site view's one channel (main/ipc/site-dispatch.ts). */
    siteHandlers: { 'site:print': (activated: boolean) => kioskShell.printRequested(activated) },
    /** The site preload's synchronous beforeprint message: answered for main's own prints only (main/ipc/site-print-gate.ts). */
    sitePrintGate: createSitePrintGate({ siteContentsId: () => viewManager?.contentsId() ?? null, mainPrinting: () => kioskShell.mainPrinting(), log: ports.log }),
    /** The open site view's webContents id: the only sender the site channel accepts. */
    siteContentsId: (): number | null => viewManager?.contentsId() ?? null,
    staffDesk,
    handlers,
    controller: activeController,
    policyPickup: pickup,
    compliance,
    async start(fault: OutOfServiceReason | null): Promise<void> {
      if (activeController) await activeController.start(fault);
      kioskShell.refresh();
      // A start-up shift wipe still running triggers the run when it ends; otherwise check now.
      if (activeController?.status().state !== 'wiping-shift') void compliance?.run();
    },
  };
}

async function plantCanaries(ports: KioskPorts, session: CitizenSession<unknown>, view: SiteViewHandle): Promise<void> {
  const canaries = session.canaries as SessionCanaries;
  const roots = ports.roots;
  if (!roots) throw new Error('no data roots');
  await ports.rememberCanaries(canaries);
  // Remembered first, so the wipe looks for them; planted on the first allowed page this view loads.
  const policy = ports.policy;
  if (policy) armStorageCanaries(view.contents, { policy: () => policy, values: canaries, log: ports.log, setTimer: (ms, cb) => ports.clock.setTimer(ms, cb) });
  await view.session.cookies.set({ url: CANARY_COOKIE_URL, name: 'pk-canary', value: canaries.cookie, secure: true, httpOnly: true });
  const dir = path.join(roots.downloads, session.partition);
  ports.files.ensureDir(dir);
  await ports.files.write(path.join(dir, DOWNLOAD_CANARY_NAME), canaries.download);
}
