import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { BlockedAuditRecord, ComplianceAuditRecord } from '../../../src/audit/record-types';
import type { ComplianceReport } from '../../../src/compliance/types';
import type { ActionResult } from '../../../src/ipc/contract';
import type { Policy } from '../../../src/policy/schema';
import type { SessionCanaries } from '../../../src/wipe/canaries';
import type { WipeRequest } from '../../../src/wipe/types';
import { composeKiosk } from '../../../main/kiosk/compose';
import type { MachinePolicyPort } from '../../../main/kiosk/policy-pickup';
import type { StaffPort } from '../../../main/kiosk/staff-desk';
import type { StartupWipeResult } from '../../../main/kiosk/wipers';
import { FakeClock, settle } from '../../src/session/support/fake-clock';
import { testPolicy } from '../../src/shell/policy-fixture';
import { FakeSiteViewFactory, FakeWindow } from './fake-views';

export { settle };

/** Monday 2025-06-02 09:00 in Ho Chi Minh City; the Friday 17:00 shift end was wiped. */
export const MONDAY_9 = new Date('2025-06-02T09:00:00+07:00');
const FRIDAY_17 = '2025-05-30T10:00:00.000Z';

export interface HarnessInit {
  policy?: Policy | null;
  staff?: StaffPort | null;
  startup?: StartupWipeResult;
  relaunchedForWipe?: boolean;
  lastShiftWipeCovered?: string | null;
  machinePolicy?: MachinePolicyPort | null;
  /** Doctor runs answer these reports in turn (the last one repeats); absent: no doctor. */
  complianceReports?: ComplianceReport[];
  /** The audit log's earlier compliance records, newest first. */
  previousComplianceRuns?: ComplianceAuditRecord[];
  /** The shift wiper's clipboard clear fails. */
  clipboardFails?: boolean;
}

/** The kiosk wired exactly as main/index.ts wires it, with every Electron piece and disk a fake. */
export function makeShell(init: HarnessInit = {}) {
  const policy = init.policy === undefined ? testPolicy() : init.policy;
  const clock = new FakeClock(MONDAY_9);
  const window = new FakeWindow();
  const siteViews = new FakeSiteViewFactory();
  const wipes: WipeRequest[] = [];
  const wipePlan: boolean[] = [];
  const outOfService: string[] = [];
  const relaunches: string[] = [];
  const clipboardClears: number[] = [];
  const remembered: SessionCanaries[] = [];
  const written = new Map<string, string>();
  const dirs = new Set<string>();
  const left: string[] = [];
  const log: string[] = [];
  const complianceRecords: ComplianceAuditRecord[] = [];
  const blockedRecords: BlockedAuditRecord[] = [];
  const reports = init.complianceReports ? [...init.complianceReports] : null;
  const downloads = path.resolve('/srv/pk/downloads');
  const covered = init.lastShiftWipeCovered === undefined ? FRIDAY_17 : init.lastShiftWipeCovered;
  const kiosk = composeKiosk({
    policy,
    roots: policy ? { downloads, state: path.resolve('/srv/pk/state') } : null,
    window,
    siteViews,
    clock,
    runWipe: async (request) => {
      wipes.push(request);
      return { ok: wipePlan.shift() ?? true };
    },
    markOutOfService: async (reason) => void outOfService.push(reason),
    readLastShiftWipe: async () => (covered === null ? null : { at: covered, coveredShiftEnd: covered }),
    shiftWipes: {
      startup: init.startup ?? { ran: false },
      relaunchedForWipe: init.relaunchedForWipe ?? false,
      relaunchForWipe: (trigger) => void relaunches.push(trigger),
      clearClipboard: async () => {
        clipboardClears.push(clock.now());
        return { cleared: init.clipboardFails ? false : true, errors: init.clipboardFails ? ['EIO on clipboard: the clipboard could not be cleared'] : [] };
      },
      log: (m) => void log.push(m),
    },
    staff: init.staff ?? null,
    readRecentWipes: async () => [],
    rememberCanaries: async (c) => void remembered.push(c),
    files: {
      exists: (dir, name) => written.has(path.join(dir, name)),
      ensureDir: (dir) => void dirs.add(dir),
      write: async (file, text) => void written.set(file, text),
      checkDownload: () => ({ ok: true, kind: 'fake' }),
      remove: (file) => void written.delete(file),
    },
    newSessionId: () => randomUUID(),
    reloadPolicy: async (): Promise<ActionResult> => ({ ok: true }),
    leaveKiosk: (): ActionResult => {
      left.push('left');
      return { ok: true };
    },
    machinePolicy: init.machinePolicy ?? null,
    log: (m) => void log.push(m),
    compliance: reports
      ? {
          runDoctor: async () => (reports.length > 1 ? reports.shift()! : reports[0]!),
          append: async (record) => void complianceRecords.push(record),
          previousRuns: async () => init.previousComplianceRuns ?? [],
        }
      : null,
    appendBlocked: async (record) => void blockedRecords.push(record),
  });
  return { ...kiosk, complianceRecords, blockedRecords, clock, window, siteViews, wipes, wipePlan, outOfService, relaunches, clipboardClears, remembered, written, dirs, left, log, downloads };
}
