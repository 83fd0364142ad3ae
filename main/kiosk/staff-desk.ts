import type { ActionResult, BlockedTodayView, ComplianceView, SignInResult, WipeRecordView } from '../../src/ipc/contract';
import { decisionToResult } from '../../src/shell/staff-results';
import type { StaffAccess } from '../../src/staff/staff-access';
import type { WipeAuditRecord } from '../../src/audit/record-types';
import type { KioskShell } from './kiosk-shell';

/**
 * The staff panel's actions: every one is decided (and audited) by StaffAccess for the person
 * signed in at this screen, and only then carried out. Nothing here trusts the UI about who is
 * signed in or what they may do.
 */

export type StaffPort = Pick<StaffAccess, 'signIn' | 'changePassword' | 'authorizeAction'>;

export interface StaffDeskDeps {
  staff: StaffPort | null;
  shell: Pick<KioskShell, 'setStaff' | 'signedInStaffId'>;
  forceWipe(): boolean;
  readRecentWipes(count: number): Promise<WipeAuditRecord[]>;
  /** The last compliance doctor run, or null before the first one. */
  latestCompliance(): ComplianceView | null;
  reloadPolicy(): Promise<ActionResult>;
  /** Leaves the kiosk (admin exit); refuses while a citizen session is open. */
  leaveKiosk(): ActionResult;
  /** Opens a rehearsal session (audit mode); refuses unless the welcome screen shows. */
  startRehearsal?(): Promise<ActionResult>;
  /** This kiosk's blocked hosts since local midnight. */
  readBlockedToday?(): Promise<BlockedTodayView>;
}

/** The staff panel shows the most hit hosts only. */
const BLOCKED_TODAY_HOSTS = 10;

const unavailable: ActionResult = { ok: false, reason: 'failed', message: 'staff-unavailable' };
const RECENT_WIPES = 20;

export class StaffDesk {
  constructor(private readonly deps: StaffDeskDeps) {}

  async signIn(staffId: string, secret: string, otp: string | null): Promise<SignInResult> {
    if (!this.deps.staff) return { ok: false, reason: 'unavailable' };
    const result = await this.deps.staff.signIn(staffId, secret, otp);
    this.deps.shell.setStaff(result.ok ? result.staff : undefined);
    return result;
  }

  signOut(): ActionResult {
    this.deps.shell.setStaff(undefined);
    return { ok: true };
  }

  async forceWipe(): Promise<ActionResult> {
    const decided = await this.authorize('force-wipe', null);
    if (!decided.ok) return decided;
    return this.deps.forceWipe() ? { ok: true } : { ok: false, reason: 'failed', message: 'wipe-not-possible-now' };
  }

  async recentWipes(): Promise<WipeRecordView[]> {
    const decided = await this.authorize('view-records', null);
    if (!decided.ok) return [];
    const records = await this.deps.readRecentWipes(RECENT_WIPES);
    return records.map((r) => ({ scope: r.scope, trigger: r.trigger, startedAt: r.startedAt, durationMs: r.durationMs, filesRemoved: r.filesRemoved, result: r.result }));
  }

  /** Any signed-in staff member may read it (audited as view-records): the counter needs to know why. */
  async compliance(): Promise<ComplianceView | null> {
    const decided = await this.authorize('view-records', null);
    return decided.ok ? this.deps.latestCompliance() : null;
  }

  async changePassword(current: string, next: string): Promise<ActionResult> {
    const staffId = this.deps.shell.signedInStaffId();
    if (!this.deps.staff) return unavailable;
    if (staffId === null) return { ok: false, reason: 'not-signed-in' };
    return this.deps.staff.changePassword(staffId, current, next);
  }

  async adminAction(action: 'reload-policy' | 'leave-kiosk' | 'start-rehearsal', otp: string): Promise<ActionResult> {
    const decided = await this.authorize(action, otp);
    if (!decided.ok) return decided;
    if (action === 'start-rehearsal') return this.deps.startRehearsal ? this.deps.startRehearsal() : unavailable;
    return action === 'reload-policy' ? this.deps.reloadPolicy() : this.deps.leaveKiosk();
  }

  /** Any signed-in staff member may read it (audited as view-records); hosts and counts only. */
  async blockedToday(): Promise<BlockedTodayView | null> {
    const decided = await this.authorize('view-records', null);
    if (!decided.ok || !this.deps.readBlockedToday) return null;
    const today = await this.deps.readBlockedToday();
    return { ...today, hosts: today.hosts.slice(0, BLOCKED_TODAY_HOSTS) };
  }

  private async authorize(action: 'force-wipe' | 'view-records' | 'reload-policy' | 'leave-kiosk' | 'start-rehearsal', otp: string | null): Promise<ActionResult> {
    if (!this.deps.staff) return unavailable;
    const staffId = this.deps.shell.signedInStaffId();
    if (staffId === null) return { ok: false, reason: 'not-signed-in' };
    return decisionToResult(await this.deps.staff.authorizeAction(staffId, action, otp));
  }
}
