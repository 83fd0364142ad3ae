import type { KioskStatus, Language, StaffView } from '../ipc/contract';
import type { Policy } from '../policy/schema';
import type { SessionStatus } from '../session/types';
import { shiftWarningFullscreen } from './shift-warning';

/**
 * The status the UI renders, composed from the session controller's state and what the shell knows
 * (policy texts, the open site, a notice, the signed-in staff member). Without a valid policy the
 * kiosk is out of service and shows nothing else: no services, no site.
 */
export interface StatusParts {
  session: SessionStatus;
  policy: Policy | null;
  language: Language;
  site?: KioskStatus['site'] | undefined;
  notice?: KioskStatus['notice'] | undefined;
  staff?: StaffView | undefined;
  policyRejected?: KioskStatus['policyRejected'] | undefined;
}

export function composeStatus(parts: StatusParts): KioskStatus {
  const { session, policy } = parts;
  const status: KioskStatus = {
    state: session.state,
    language: parts.language,
    languages: policy?.ui.languages ?? ['vi', 'en'],
    services: policy?.services.map((s) => (s.description ? { name: s.name, url: s.url, description: s.description } : { name: s.name, url: s.url })) ?? [],
  };
  if (policy?.ui.unitName) status.unitName = policy.ui.unitName;
  if (policy && policy.wipe.sessionPaths.length > 0) status.scansWiped = true;
  if (session.idleWarning) status.idleWarning = session.idleWarning;
  if (session.shiftWarning) {
    const { secondsLeft } = session.shiftWarning;
    status.shiftWarning = { secondsLeft, fullscreen: shiftWarningFullscreen(session.state, secondsLeft) };
  }
  if (session.wipe) status.wipe = session.wipe;
  if (session.outOfService) status.outOfService = session.outOfService;
  if (session.state === 'in-session' && parts.site) status.site = parts.site;
  if (parts.notice && session.state === 'in-session') status.notice = parts.notice;
  if (parts.staff) status.staff = parts.staff;
  // Paths and messages for the IT officer: only ever sent while staff are signed in.
  if (parts.staff && parts.policyRejected) status.policyRejected = parts.policyRejected;
  return status;
}

/** The status of a kiosk whose policy could not be loaded: out of service, nothing to start. */
export function policyInvalidSession(since: Date): SessionStatus {
  return { state: 'out-of-service', outOfService: { reason: 'policy-invalid', since: since.toISOString() } };
}
