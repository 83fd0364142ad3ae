import { checkPin } from './pin-rules';
import { normalizeSecret } from './verifier';

import type { SecretKind, SecretOwner, StaffPolicy, StrengthFailure } from './secret-types';

export type { SecretKind, SecretOwner, StaffPolicy, StaffRole, StrengthFailure } from './secret-types';

/** How people call each kind, in messages and prompts. */
export function secretKindName(kind: SecretKind): string {
  return kind === 'pin' ? 'PIN' : 'password';
}

/** The longest secret accepted anywhere (the IPC contract's limit). */
export const MAX_SECRET_LENGTH = 256;

/** Null when the secret may be used; otherwise the first rule it breaks. */
export function checkSecret(secret: string, kind: SecretKind, owner: SecretOwner, policy: StaffPolicy): StrengthFailure | null {
  const text = normalizeSecret(secret);
  if ([...text].length > MAX_SECRET_LENGTH) {
    return { rule: 'max-length', message: `must be at most ${MAX_SECRET_LENGTH} characters` };
  }
  if (/\p{Cc}/u.test(text)) {
    return { rule: 'control-characters', message: 'must not contain control characters (tab, newline, …)' };
  }
  return kind === 'pin' ? checkPin(text, owner.role, policy.pin) : checkPassword(text, owner, policy.password);
}

function checkPassword(text: string, owner: SecretOwner, rules: StaffPolicy['password']): StrengthFailure | null {
  const length = [...text].length;
  if (length < rules.minLength) {
    return { rule: 'min-length', message: `must be at least ${rules.minLength} characters (it has ${length})` };
  }
  const classes: [boolean, RegExp, string, string][] = [
    [rules.requireLower, /\p{Ll}/u, 'lower', 'a lower-case letter'],
    [rules.requireUpper, /\p{Lu}/u, 'upper', 'an upper-case letter'],
    [rules.requireDigit, /\p{Nd}/u, 'digit', 'a digit'],
    [rules.requireSymbol, /[\p{P}\p{S}]/u, 'symbol', 'a symbol such as ! @ # . -'],
  ];
  for (const [required, pattern, rule, what] of classes) {
    if (required && !pattern.test(text)) return { rule: `require-${rule}`, message: `must contain ${what}` };
  }
  return checkPersonal(text, owner);
}

/**
 * The id, the whole name and each name part of four letters or more are refused anywhere in the
 * password, ignoring case, spacing and Vietnamese tone marks ("nguyen" matches "Nguyễn"). Shorter
 * parts (Văn, Thị, Lan) are common syllables: refusing them would refuse most passwords.
 */
function checkPersonal(text: string, owner: SecretOwner): StrengthFailure | null {
  const haystack = fold(text);
  if (haystack.includes(fold(owner.id))) return { rule: 'contains-id', message: 'must not contain the staff id' };
  const name = fold(owner.displayName);
  const parts = name.split(/[^\p{L}\p{N}]+/u).filter((part) => part.length >= 4);
  const compactName = name.replace(/[^\p{L}\p{N}]+/gu, '');
  if ((compactName.length >= 3 && haystack.replace(/[^\p{L}\p{N}]+/gu, '').includes(compactName)) || parts.some((p) => haystack.includes(p))) {
    return { rule: 'contains-name', message: 'must not contain the display name or a part of it' };
  }
  return null;
}

/** Lower case without diacritics; đ is a letter of its own, not a d with a mark, so map it by hand. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
