import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { CredentialStore } from '../secrets/credential-store';
import { KIOSK_CREDENTIAL_SERVICE } from '../secrets/credential-store';

/**
 * The kiosk's Ed25519 signing key (node:crypto): the private key (PKCS#8 DER, base64) lives in the
 * OS credential store beside the audit key, so it exists exactly where the log is keyed. Where no
 * store exists or it cannot be reached, records are not signed (as they are not keyed): the log then
 * verifies by chain only, and the department sees it as unsigned. The public key travels in the log
 * itself (log-started, log-replaced, key-rotated) and is collected into keys.yaml at enrolment.
 */
export const SIGNING_KEY_ACCOUNT = 'signing-key';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI DER, base64: what records carry. */
  publicKeyBase64: string;
  /** sha256 hex of the SPKI DER. */
  fingerprint: string;
}

export function signingKeyFromPrivate(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the signing key is not an Ed25519 key');
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return { privateKey, publicKey, publicKeyBase64: der.toString('base64'), fingerprint: fingerprintOf(der) };
}

export function fingerprintOf(spkiDer: Buffer): string {
  return createHash('sha256').update(spkiDer).digest('hex');
}

export function newSigningKey(): SigningKey {
  return signingKeyFromPrivate(generateKeyPairSync('ed25519').privateKey);
}

export function encodePrivateKey(key: SigningKey): string {
  return key.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
}

/** The key in the store; a new one is created and read back when `create` and the store has none. Null: no signing here. */
export async function loadSigningKey(store: CredentialStore | null, create: boolean): Promise<SigningKey | null> {
  if (!store || !(await store.available().catch(() => false))) return null;
  try {
    let encoded = await store.get(KIOSK_CREDENTIAL_SERVICE, SIGNING_KEY_ACCOUNT);
    if (encoded === null && create) {
      await store.set(KIOSK_CREDENTIAL_SERVICE, SIGNING_KEY_ACCOUNT, encodePrivateKey(newSigningKey()));
      // Read back: what the store returns is what every later process will use.
      encoded = await store.get(KIOSK_CREDENTIAL_SERVICE, SIGNING_KEY_ACCOUNT);
    }
    if (encoded === null) return null;
    return signingKeyFromPrivate(createPrivateKey({ key: Buffer.from(encoded, 'base64'), format: 'der', type: 'pkcs8' }));
  } catch {
    return null;
  }
}

/** A public key as the records carry it (SPKI DER base64), refused unless it is Ed25519. */
export function publicKeyFromBase64(base64: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

export function publicKeyPem(key: KeyObject): string {
  return String(key.export({ type: 'spki', format: 'pem' }));
}

export function fingerprintOfKey(key: KeyObject): string {
  return fingerprintOf(key.export({ type: 'spki', format: 'der' }));
}
