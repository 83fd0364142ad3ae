import type { Policy } from '../policy/schema';
import type { StaffRole, StrengthFailure } from './secret-types';

/** The directive's floor: a PIN shorter than this is refused whatever the policy says. */
export const MIN_PIN_LENGTH = 6;

/**
 * PINs are a convenience for counter staff only; an admin's powers (leave kiosk mode, manage
 * accounts) always need a full password.
 */
export function checkPin(pin: string, role: StaffRole, rules: Policy['staff']['pin']): StrengthFailure | null {
  const refused = pinRefusedFor(role, rules);
  if (refused) return refused;
  if (!/^[0-9]+$/.test(pin)) return { rule: 'pin-digits', message: 'a PIN must be digits 0-9 only' };
  const minLength = Math.max(MIN_PIN_LENGTH, rules.minLength);
  if (pin.length < minLength) return { rule: 'pin-min-length', message: `a PIN must be at least ${minLength} digits` };
  if (isRun(pin)) return { rule: 'pin-run', message: 'a PIN must not be a run of digits such as 123456 or 987654' };
  if (isRepeat(pin)) return { rule: 'pin-repeat', message: 'a PIN must not repeat a pattern such as 111111 or 121212' };
  return null;
}

/** Whether this role may use a PIN at all under this policy, before any PIN is typed. */
export function pinRefusedFor(role: StaffRole, rules: Policy['staff']['pin']): StrengthFailure | null {
  if (role !== 'staff') return { rule: 'pin-role', message: 'PINs are allowed for the staff role only; an admin needs a password' };
  if (!rules.allowed) return { rule: 'pin-not-allowed', message: 'the policy does not allow PINs (staff.pin.allowed is false)' };
  return null;
}

/** Every digit one more (or every digit one less) than the one before, wrapping 9 → 0 (890123). */
export function isRun(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((digit, i) => (digit - (digits[i] ?? 0) + 10) % 10);
  return steps.length > 0 && (steps.every((step) => step === 1) || steps.every((step) => step === 9));
}

/** The PIN is one shorter block written out again and again (111111, 121212, 123123, 12341234). */
export function isRepeat(pin: string): boolean {
  for (let size = 1; size <= pin.length / 2; size += 1) {
    if (pin.length % size === 0 && pin.slice(0, size).repeat(pin.length / size) === pin) return true;
  }
  return false;
}
