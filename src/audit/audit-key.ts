import { randomBytes } from 'node:crypto';
import type { CredentialStore } from '../secrets/credential-store';
import { KIOSK_CREDENTIAL_SERVICE } from '../secrets/credential-store';

export const AUDIT_KEY_ACCOUNT = 'audit-key';

/**
 * How the audit log can be sealed here:
 * - 'keyed': the HMAC key is in the OS credential store;
 * - 'no-key-yet': the store works but holds no key (it is created by the first append);
 * - 'store-unavailable': a store is configured but cannot be reached (locked keyring, no D-Bus);
 * - 'no-store': this build or machine has no credential store at all.
 */
export type AuditKeyState = 'keyed' | 'no-key-yet' | 'store-unavailable' | 'no-store';

export interface AuditKey {
  key: Buffer | null;
  state: AuditKeyState;
}

export async function loadAuditKey(store: CredentialStore | null, create: boolean): Promise<AuditKey> {
  if (!store) return { key: null, state: 'no-store' };
  if (!(await store.available().catch(() => false))) return { key: null, state: 'store-unavailable' };
  try {
    let encoded = await store.get(KIOSK_CREDENTIAL_SERVICE, AUDIT_KEY_ACCOUNT);
    if (encoded === null && create) {
      await store.set(KIOSK_CREDENTIAL_SERVICE, AUDIT_KEY_ACCOUNT, randomBytes(32).toString('base64'));
      // Read back: what the store returns is what every later process will use.
      encoded = await store.get(KIOSK_CREDENTIAL_SERVICE, AUDIT_KEY_ACCOUNT);
    }
    if (encoded === null) return { key: null, state: 'no-key-yet' };
    const key = Buffer.from(encoded, 'base64');
    if (key.length < 32) throw new Error('the audit key in the credential store is too short');
    return { key, state: 'keyed' };
  } catch {
    return { key: null, state: 'store-unavailable' };
  }
}
