import { describe, expect, it } from 'vitest';
import { checkSecret, type SecretOwner } from '../../../src/staff/strength';
import { directivePolicy } from './fakes';

const owner: SecretOwner = { id: 'lan.nt', displayName: 'Nguyễn Thị Lan', role: 'staff' };
const admin: SecretOwner = { ...owner, role: 'admin' };

function rule(secret: string, who: SecretOwner = owner, policy = directivePolicy()): string | null {
  return checkSecret(secret, 'password', who, policy)?.rule ?? null;
}

function pinRule(pin: string, who: SecretOwner = owner, policy = directivePolicy()): string | null {
  return checkSecret(pin, 'pin', who, policy)?.rule ?? null;
}

describe('password rules (directive defaults)', () => {
  it.each([
    ['Tr0ng-Dong-77', null],
    ['Sh0rt-Pw!', 'min-length'],
    ['UPPER-ONLY-123', 'require-lower'],
    ['lower-only-123', 'require-upper'],
    ['No-Digits-Here', 'require-digit'],
    ['NoSymbols12345', 'require-symbol'],
    ['Ma-lan.nt-2026', 'contains-id'],
    ['Ma-LAN.NT-2026', 'contains-id'],
    ['Nguyen-2026-Ok!', 'contains-name'],
    ['xx-NGUYỄN-2026!', 'contains-name'],
    ['NguyenThiLan#9', 'contains-name'],
    ['Thi-Van-Lan-12', null],
    ['Tab\there-Pass1!', 'control-characters'],
    [`Aa1!${'x'.repeat(253)}`, 'max-length'],
  ])('%j → %s', (secret, expected) => {
    expect(rule(secret)).toBe(expected);
  });

  it('counts characters, not bytes, and accepts Vietnamese letters as lower/upper case', () => {
    expect(rule('Đường-phố-số-1')).toBeNull();
    expect(rule('ĐƯỜNG-PHỐ-SỐ-1')).toBe('require-lower');
  });

  it('follows the policy: shorter minimum and classes switched off', () => {
    const policy = directivePolicy();
    policy.password = { ...policy.password, minLength: 8, requireSymbol: false, requireUpper: false };
    expect(rule('plain123a', owner, policy)).toBeNull();
    expect(rule('plain12', owner, policy)).toBe('min-length');
  });

  it('names the rule and the requirement in the message, never the secret', () => {
    const failure = checkSecret('Sh0rt-Pw!', 'password', owner, directivePolicy());
    expect(failure).toEqual({ rule: 'min-length', message: 'must be at least 12 characters (it has 9)' });
  });
});

describe('PIN rules', () => {
  it.each([
    ['402917', null],
    ['40291', 'pin-min-length'],
    ['40a917', 'pin-digits'],
    ['123456', 'pin-run'],
    ['987654', 'pin-run'],
    ['890123', 'pin-run'],
    ['111111', 'pin-repeat'],
    ['121212', 'pin-repeat'],
    ['123123', 'pin-repeat'],
    ['12341234', 'pin-repeat'],
  ])('%s → %s', (pin, expected) => {
    expect(pinRule(pin)).toBe(expected);
  });

  it('refuses PINs for admins and when the policy does not allow them', () => {
    expect(pinRule('402917', admin)).toBe('pin-role');
    const policy = directivePolicy();
    policy.pin = { allowed: false, minLength: 6 };
    expect(pinRule('402917', owner, policy)).toBe('pin-not-allowed');
  });

  it('uses the policy minimum when it is above the directive floor of 6', () => {
    const policy = directivePolicy();
    policy.pin = { allowed: true, minLength: 8 };
    expect(pinRule('402917', owner, policy)).toBe('pin-min-length');
    expect(pinRule('40291783', owner, policy)).toBeNull();
  });
});
