import { describe, expect, it } from 'vitest';
import {
  createVerifier,
  CURRENT_SCRYPT_PARAMS,
  needsUpgrade,
  verifierSchema,
  verifySecret,
} from '../../../src/staff/verifier';
import { FAST_SCRYPT } from './fakes';

describe('scrypt verifier', () => {
  it('round-trips with the current (OWASP minimum) parameters and records them', async () => {
    const verifier = await createVerifier('Correct-Horse-42', CURRENT_SCRYPT_PARAMS);
    expect(verifier).toMatchObject({ algorithm: 'scrypt', N: 2 ** 17, r: 8, p: 1, keyLength: 32 });
    expect(Buffer.from(verifier.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(verifier.hash, 'base64')).toHaveLength(32);
    expect(verifierSchema.parse(verifier)).toEqual(verifier);
    expect(await verifySecret('Correct-Horse-42', verifier)).toBe(true);
    expect(await verifySecret('correct-Horse-42', verifier)).toBe(false);
    expect(JSON.stringify(verifier)).not.toContain('Correct-Horse-42');
  });

  it('uses a fresh salt per verifier, so equal secrets give different hashes', async () => {
    const [a, b] = await Promise.all([createVerifier('Same-Secret-1', FAST_SCRYPT), createVerifier('Same-Secret-1', FAST_SCRYPT)]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('matches a Vietnamese secret typed precomposed (NFC) or decomposed (NFD)', async () => {
    const nfc = 'Mật-khẩu-Đẹp-2026'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const verifier = await createVerifier(nfd, FAST_SCRYPT);
    expect(await verifySecret(nfc, verifier)).toBe(true);
  });

  it('verifies with the parameters recorded in the verifier, and says when they are below current', async () => {
    const old = await createVerifier('Old-Params-123', { N: 2 ** 10, r: 8, p: 1, keyLength: 32 });
    expect(await verifySecret('Old-Params-123', old)).toBe(true);
    expect(needsUpgrade(old)).toBe(true);
    expect(needsUpgrade(old, { N: 2 ** 10, r: 8, p: 1, keyLength: 32 })).toBe(false);
    expect(needsUpgrade(old, { N: 2 ** 10, r: 8, p: 2, keyLength: 32 })).toBe(true);
    expect(needsUpgrade(old, { N: 2 ** 10, r: 8, p: 1, keyLength: 64 })).toBe(true);
    expect(needsUpgrade({ ...old, N: 2 ** 18 })).toBe(false);
  });

  it('refuses stored parameters that are malformed or would exhaust memory', () => {
    const base = { algorithm: 'scrypt', N: 1024, r: 8, p: 1, keyLength: 32, salt: 'AAAA', hash: 'AAAA' };
    expect(verifierSchema.safeParse(base).success).toBe(true);
    expect(verifierSchema.safeParse({ ...base, N: 1000 }).success).toBe(false);
    expect(verifierSchema.safeParse({ ...base, N: 2 ** 24 }).success).toBe(false);
    expect(verifierSchema.safeParse({ ...base, algorithm: 'md5' }).success).toBe(false);
    expect(verifierSchema.safeParse({ ...base, secret: 'x' }).success).toBe(false);
  });
});
