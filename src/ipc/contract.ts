import { z } from 'zod';

/**
 * The one IPC contract between the kiosk UI and the main process (GitHub Desktop style): every
 * channel, its argument schema and its result type. main/ipc/ registers handlers from this map and
 * validates arguments with these schemas; the preload exposes one named function per channel; the
 * renderer imports the types only. A channel not listed here does not exist.
 */

export type Language = 'vi' | 'en';
export interface Localized {
  vi: string;
  en: string;
}

export type KioskState = 'starting' | 'welcome' | 'in-session' | 'ending' | 'wiping-shift' | 'out-of-service';

export type OutOfServiceReason = 'policy-invalid' | 'wipe-failed' | 'wipe-overdue' | 'journal-unfinished' | 'internal-error' | 'compliance';

/** Everything the UI shows, pushed on every change. No personal data: the site is a host and a title. */
export interface KioskStatus {
  state: KioskState;
  language: Language;
  languages: Language[];
  unitName?: Localized;
  services: { name: Localized; url: string; description?: Localized }[];
  /** The policy lists scanner folders (wipe.sessionPaths): the welcome notice says scans go with the session. */
  scansWiped?: true;
  /** zoomPercent: the site view's zoom (50–200, src/shell/zoom.ts; absent = 100); the toolbar itself never zooms. */
  site?: { host: string; title: string; canGoBack: boolean; canGoForward: boolean; loading: boolean; zoomPercent?: number };
  idleWarning?: { secondsLeft: number };
  /**
   * The shift is ending. `fullscreen` (decided in src/shell/shift-warning.ts): the UI shows the
   * full-window warning and main hides the site view; otherwise a citizen keeps the site and the UI
   * shows the countdown as a banner in the toolbar strip.
   */
  shiftWarning?: { secondsLeft: number; fullscreen: boolean };
  wipe?: { scope: 'session' | 'shift'; phase: 'running' | 'succeeded' | 'failed' };
  outOfService?: { reason: OutOfServiceReason; since: string };
  /** A download the policy refused, shown as a short notice (extension only, never the file name). */
  notice?: { kind: NoticeKind; detail?: string };
  staff?: StaffView;
  /**
   * Staff only (set while a staff member is signed in): the machine policy file changed and was
   * rejected; the kiosk keeps running its previous policy. `problems` as FILE:LINE:COL lines.
   */
  policyRejected?: { at: string; problems: string[] };
  /**
   * Main opened or closed the staff panel itself: the staff shortcut caught in the site view, or the
   * staff idle sign-out. `seq` grows with each command; the UI acts on a seq it has not seen.
   */
  staffPanelCommand?: { seq: number; action: 'open' | 'close' };
  /**
   * An admin's rehearsal (audit mode) is open: every screen says so, and hosts the allowlist does not
   * list open and are recorded instead of refused (src/blocked-journal/rehearsal.ts).
   */
  rehearsal?: true;
}

export type NoticeKind =
  | 'download-blocked'
  | 'download-too-large'
  | 'site-blocked'
  | 'download-saved'
  /** printing.mode off: window.print() / Ctrl+P did nothing. */
  | 'print-off'
  /** Silent printing: sent to the printer, or the printer refused it. */
  | 'print-sent'
  | 'print-failed'
  /** The site asked for an HTTP sign-in box, which the kiosk never shows. */
  | 'login-refused'
  /** The site's TLS certificate was not valid: the page was not opened. */
  | 'certificate-refused';

export interface StaffView {
  staffId: string;
  displayName: string;
  role: 'staff' | 'admin';
  mustChangePassword: boolean;
}

export type SignInResult =
  | { ok: true; staff: StaffView }
  | { ok: false; reason: 'invalid' | 'locked' | 'otp-required' | 'otp-invalid' | 'unavailable'; retryAfterSeconds?: number };

export type ActionResult =
  | { ok: true }
  | { ok: false; reason: 'not-signed-in' | 'forbidden' | 'otp-required' | 'otp-invalid' | 'weak-secret' | 'invalid' | 'failed'; message?: string };

/** A wipe record as staff see it: what the audit log holds, nothing more. */
export interface WipeRecordView {
  scope: 'session' | 'shift';
  trigger: string;
  startedAt: string;
  durationMs: number;
  filesRemoved: number;
  result: 'succeeded' | 'failed';
}

/**
 * The last compliance doctor run as staff see it (src/compliance/): every check with its status,
 * remediation and whitelisted evidence. `outOfService` lists the failing ids that took the kiosk out.
 */
export interface ComplianceView {
  checkedAt: string;
  platform: string;
  checks: {
    id: string;
    status: 'pass' | 'fail' | 'warn' | 'not-applicable' | 'error';
    severity: 'critical' | 'high' | 'medium' | 'low';
    title: Localized;
    remediation: Localized;
    evidence: Record<string, string | number | boolean | null | string[]>;
  }[];
  outOfService: string[];
}

/**
 * "Blocked today" on the staff panel: this kiosk's blocked-host records since local midnight, the
 * most hit hosts first (src/blocked-journal/). Hosts, kinds, rules and counts only.
 */
export interface BlockedTodayView {
  records: number;
  otherCount: number;
  hosts: { host: string; kind: string; rule: string; sessions: number; count: number }[];
}

const none = z.tuple([]);
const staffId = z.string().min(1).max(64);
const secret = z.string().min(1).max(256);
const otp = z.string().regex(/^\d{6}$/);

/** Argument schemas, keyed by channel. Arguments arrive as a tuple (the invoke arguments). */
export const requestSchemas = {
  'kiosk:get-status': none,
  'kiosk:start-session': z.tuple([z.number().int().min(0).max(99).nullable()]),
  'kiosk:end-session': none,
  'kiosk:still-here': none,
  'kiosk:navigate': z.tuple([z.enum(['back', 'forward', 'home', 'reload'])]),
  'kiosk:set-language': z.tuple([z.enum(['vi', 'en'])]),
  'kiosk:zoom': z.tuple([z.enum(['in', 'out', 'reset'])]),
  'staff:sign-in': z.tuple([staffId, secret, otp.nullable()]),
  'staff:sign-out': none,
  'staff:force-wipe': none,
  'staff:recent-wipes': none,
  'staff:compliance': none,
  'staff:change-password': z.tuple([secret, secret]),
  'staff:admin-action': z.tuple([z.enum(['reload-policy', 'leave-kiosk', 'start-rehearsal']), otp]),
  'staff:blocked-today': none,
  'kiosk:staff-panel': z.tuple([z.boolean()]),
} as const;

export type Channel = keyof typeof requestSchemas;
export type ChannelArgs<C extends Channel> = z.infer<(typeof requestSchemas)[C]>;

/** Result type per channel. */
export interface ChannelResults {
  'kiosk:get-status': KioskStatus;
  'kiosk:start-session': ActionResult;
  'kiosk:end-session': ActionResult;
  'kiosk:still-here': ActionResult;
  'kiosk:navigate': ActionResult;
  'kiosk:set-language': ActionResult;
  'kiosk:zoom': ActionResult;
  'staff:sign-in': SignInResult;
  'staff:sign-out': ActionResult;
  'staff:force-wipe': ActionResult;
  'staff:recent-wipes': WipeRecordView[];
  'staff:compliance': ComplianceView | null;
  'staff:change-password': ActionResult;
  'staff:admin-action': ActionResult;
  'staff:blocked-today': BlockedTodayView | null;
  'kiosk:staff-panel': ActionResult;
}

/**
 * The site view's own channel: the sandboxed site preload (main/ipc/site-preload.ts) sends one
 * print request, fire and forget (the page learns nothing back). Its one argument is whether the
 * requesting frame had transient user activation, read in the preload's isolated world (the page
 * passes nothing). Accepted only from the open site view (src/shell/ipc-sender.ts), with exactly that
 * boolean, and rate-limited (src/shell/printing.ts).
 */
export const SITE_PRINT_CHANNEL = 'site:print' as const;
export const siteRequestSchemas = { [SITE_PRINT_CHANNEL]: z.tuple([z.boolean()]) } as const;
export type SiteChannel = keyof typeof siteRequestSchemas;
export type SiteArgs<C extends SiteChannel> = z.infer<(typeof siteRequestSchemas)[C]>;

/**
 * The site preload's synchronous backstop: sent (sendSync, no arguments) from every `beforeprint` in
 * the site view, before the engine asks for the OS print dialog. Main answers at once when the print
 * is its own (webContents.print); otherwise it stops the page's renderer before answering, so the
 * dialog never opens (main/ipc/site-print-gate.ts).
 */
export const SITE_PRINT_STARTING_CHANNEL = 'site:print-starting' as const;

/** The one main → UI push channel. */
export const STATUS_CHANNEL = 'kiosk:status' as const;

/** What the preload exposes as `window.kiosk`: one named function per channel, nothing generic. */
export interface KioskApi {
  getStatus(): Promise<KioskStatus>;
  startSession(serviceIndex: number | null): Promise<ActionResult>;
  endSession(): Promise<ActionResult>;
  stillHere(): Promise<ActionResult>;
  navigate(action: 'back' | 'forward' | 'home' | 'reload'): Promise<ActionResult>;
  setLanguage(language: Language): Promise<ActionResult>;
  /** Zooms the site view (never the toolbar): a step in or out (50–200 %), or back to 100 %. */
  zoom(action: 'in' | 'out' | 'reset'): Promise<ActionResult>;
  staffSignIn(staffId: string, secret: string, otp: string | null): Promise<SignInResult>;
  staffSignOut(): Promise<ActionResult>;
  forceWipe(): Promise<ActionResult>;
  recentWipes(): Promise<WipeRecordView[]>;
  /** The last compliance doctor run (signed-in staff only; null before the first run or when not signed in). */
  compliance(): Promise<ComplianceView | null>;
  changePassword(current: string, next: string): Promise<ActionResult>;
  adminAction(action: 'reload-policy' | 'leave-kiosk' | 'start-rehearsal', otp: string): Promise<ActionResult>;
  /** This kiosk's blocked hosts since local midnight (signed-in staff only; null when not signed in). */
  blockedToday(): Promise<BlockedTodayView | null>;
  /**
   * The UI opened (true) or closed (false) the full-window staff panel: main hides the site view
   * while it is open, as it does for the idle/shift warnings and wipes. Not a security boundary.
   */
  setStaffPanelOpen(open: boolean): Promise<ActionResult>;
  /** Calls back on every status change; returns the unsubscribe function. */
  onStatus(listener: (status: KioskStatus) => void): () => void;
}
