import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, checkTotp, hotp, otpauthUri, totpCode, totpStep } from '../../../src/staff/totp';

// RFC 6238 appendix B, SHA-1 rows: the seed is the ASCII string "12345678901234567890".
const seed = Buffer.from('12345678901234567890', 'ascii');
const vectors: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238, HMAC-SHA1, 30 s)', () => {
  it.each(vectors)('T=%i gives %s (8 digits) and its 6-digit suffix', (seconds, code) => {
    expect(totpCode(seed, seconds * 1000, 8)).toBe(code);
    expect(totpCode(seed, seconds * 1000)).toBe(code.slice(-6));
  });

  it('matches the RFC 4226 HOTP test values', () => {
    expect([0, 1, 2, 9].map((counter) => hotp(seed, counter))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('accepts the current step and one either side, not two', () => {
    const now = 1111111111 * 1000;
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) {
      expect(checkTotp(seed, hotp(seed, step + offset), now, null)).toEqual({ ok: true, step: step + offset });
    }
    expect(checkTotp(seed, hotp(seed, step - 2), now, null)).toEqual({ ok: false, reason: 'wrong' });
    expect(checkTotp(seed, hotp(seed, step + 2), now, null)).toEqual({ ok: false, reason: 'wrong' });
  });

  it('refuses a code of a step already used, and older ones', () => {
    const now = 1234567890 * 1000;
    const step = totpStep(now);
    expect(checkTotp(seed, hotp(seed, step), now, step)).toEqual({ ok: false, reason: 'replayed' });
    expect(checkTotp(seed, hotp(seed, step - 1), now, step)).toEqual({ ok: false, reason: 'replayed' });
    expect(checkTotp(seed, hotp(seed, step + 1), now, step)).toEqual({ ok: true, step: step + 1 });
  });

  it('refuses anything but six digits', () => {
    for (const code of ['', '12345', '1234567', '12 456', 'abcdef']) {
      expect(checkTotp(seed, code, 0, null)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('encodes base32 as RFC 4648 does and decodes it back', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Encode(seed)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('mzxw6ytboi======').toString()).toBe('foobar');
    expect(() => base32Decode('MZ1W')).toThrow('not a base32 string');
  });

  it('builds an otpauth:// URI an authenticator app reads', () => {
    const uri = new URL(otpauthUri(seed, 'public-kiosk', 'lan.nt'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/public-kiosk:lan.nt');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      issuer: 'public-kiosk',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
