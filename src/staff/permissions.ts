import type { StaffRole } from './strength';

/** Everything the kiosk lets a person do beyond using the allowed sites. */
export type KioskAction = 'end-session' | 'force-wipe' | 'view-records' | 'reload-policy' | 'leave-kiosk' | 'manage-accounts' | 'start-rehearsal';

/** Who may do an action: anyone at the screen, any signed-in staff member, or an admin with OTP. */
type Requirement = 'anyone' | 'staff' | 'admin-with-otp';

/** The permission table. Changing who may do what is changing this table, and its test. */
const requirements: Record<KioskAction, Requirement> = {
  // A citizen must always be able to end their own session and have it wiped.
  'end-session': 'anyone',
  'force-wipe': 'staff',
  'view-records': 'staff',
  'reload-policy': 'admin-with-otp',
  'leave-kiosk': 'admin-with-otp',
  'manage-accounts': 'admin-with-otp',
  // A rehearsal opens hosts the allowlist does not list: an admin's decision, never a citizen's.
  'start-rehearsal': 'admin-with-otp',
};

export const KIOSK_ACTIONS = Object.keys(requirements) as KioskAction[];

export interface Actor {
  role: StaffRole;
  /** A secret past its maximum age must be changed before anything else. */
  mustChangePassword?: boolean;
}

export type Decision =
  | { allowed: true }
  | { allowed: false; reason: 'not-signed-in' | 'forbidden' | 'otp-required' | 'password-change-required' };

/** The one place that decides. Unknown actions are refused: nothing fails open. */
export function authorize(actor: Actor | null, action: KioskAction, context: { otpVerified: boolean }): Decision {
  const requirement = Object.hasOwn(requirements, action) ? requirements[action] : undefined;
  if (requirement === undefined) return { allowed: false, reason: 'forbidden' };
  if (requirement === 'anyone') return { allowed: true };
  if (actor === null) return { allowed: false, reason: 'not-signed-in' };
  if (actor.mustChangePassword === true) return { allowed: false, reason: 'password-change-required' };
  if (requirement === 'staff') return actor.role === 'staff' || actor.role === 'admin' ? { allowed: true } : { allowed: false, reason: 'forbidden' };
  if (actor.role !== 'admin') return { allowed: false, reason: 'forbidden' };
  return context.otpVerified === true ? { allowed: true } : { allowed: false, reason: 'otp-required' };
}
