import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

/** scrypt cost parameters, recorded in every verifier so stronger ones can be adopted later. */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

/**
 * What is stored instead of a secret. OWASP's minimum for scrypt is N=2^17, r=8, p=1 (128 MiB,
 * about half a second here): slow enough to make an offline guess expensive, fast enough for a
 * counter.
 */
export const CURRENT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1, keyLength: 32 };

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

export const verifierSchema = z.strictObject({
  algorithm: z.literal('scrypt'),
  N: z.number().int().min(2).max(2 ** 20).refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  keyLength: z.number().int().min(16).max(128),
  salt: base64,
  hash: base64,
});
export type Verifier = z.infer<typeof verifierSchema>;

/**
 * Secrets are compared in Unicode NFC: Vietnamese input methods differ in whether a tone mark is a
 * separate code point, and the same typed password must match on every keyboard.
 */
export function normalizeSecret(secret: string): string {
  return secret.normalize('NFC');
}

export async function createVerifier(secret: string, params: ScryptParams = CURRENT_SCRYPT_PARAMS): Promise<Verifier> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, params);
  return { algorithm: 'scrypt', ...params, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

export async function verifySecret(secret: string, verifier: Verifier): Promise<boolean> {
  const expected = Buffer.from(verifier.hash, 'base64');
  const actual = await derive(secret, Buffer.from(verifier.salt, 'base64'), verifier);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** True when any recorded parameter is weaker than the current ones: re-derive on the next good sign-in. */
export function needsUpgrade(verifier: Verifier, current: ScryptParams = CURRENT_SCRYPT_PARAMS): boolean {
  return verifier.N < current.N || verifier.r < current.r || verifier.p < current.p || verifier.keyLength < current.keyLength;
}

function derive(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    // Node's default ceiling (32 MiB) is below what N=2^17 needs; allow what the parameters require.
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(Buffer.from(normalizeSecret(secret), 'utf8'), salt, params.keyLength, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}
