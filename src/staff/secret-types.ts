import type { Policy } from '../policy/schema';

/** The shapes that the strength rules (strength.ts) and the PIN rules (pin-rules.ts) share, so neither imports the other. */
export type StaffPolicy = Policy['staff'];
export type StaffRole = 'staff' | 'admin';
export type SecretKind = 'password' | 'pin';

/** Which rule refused a secret, and a sentence for the person choosing it (never the secret). */
export interface StrengthFailure {
  rule: string;
  message: string;
}

export interface SecretOwner {
  id: string;
  displayName: string;
  role: StaffRole;
}
