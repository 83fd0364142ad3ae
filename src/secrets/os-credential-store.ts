import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as KeyringModule from '@napi-rs/keyring';
import type { AsyncEntry, EntryOptions } from '@napi-rs/keyring';
import { crashPoint } from '../crash/crash-points';
import type { CredentialStore } from './credential-store';
import { KIOSK_CREDENTIAL_SERVICE } from './credential-store';

type Keyring = typeof KeyringModule;

/** Any failure to reach or use the OS store; the message names the operation, never a secret. */
export class CredentialStoreError extends Error {
  constructor(operation: string, cause: unknown) {
    super(`OS credential store: ${operation} failed: ${causeText(cause)}`);
    this.name = 'CredentialStoreError';
  }
}

export interface OsCredentialStoreOptions {
  /** How long the availability probe may take before the store counts as unavailable. */
  probeTimeoutMs?: number;
}

/**
 * The CredentialStore on @napi-rs/keyring. On Linux every entry is pinned to the Secret Service:
 * the library's default falls back to the kernel keyring, which lives only as long as the login
 * session, so a TOTP secret or the audit key written there would silently vanish at reboot.
 */
export function createOsCredentialStore(options: OsCredentialStoreOptions = {}): CredentialStore {
  const probeTimeoutMs = options.probeTimeoutMs ?? 5_000;
  const entryOptions: EntryOptions = { linux: { store: 'secret-service' } };
  const entry = async (service: string, account: string): Promise<AsyncEntry> => {
    const keyring = await loadKeyring();
    return new keyring.AsyncEntry(service, account, entryOptions);
  };
  const guarded = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw error instanceof CredentialStoreError ? error : new CredentialStoreError(operation, error);
    }
  };

  const store: CredentialStore = {
    async available() {
      try {
        return await withTimeout(probe(store), probeTimeoutMs);
      } catch {
        return false;
      }
    },
    get: (service, account) => guarded('read', async () => (await entry(service, account)).getPassword()),
    set: (service, account, secret) =>
      guarded('write', async () => {
        crashPoint('store:before-set', storeSubject(service, account));
        await (await entry(service, account)).setPassword(secret);
        crashPoint('store:after-set', storeSubject(service, account));
      }),
    delete: (service, account) =>
      guarded('delete', async () => {
        crashPoint('store:before-delete', storeSubject(service, account));
        const deleted = await (await entry(service, account)).deleteCredential();
        crashPoint('store:after-delete', storeSubject(service, account));
        return deleted;
      }),
    accounts: (service) =>
      guarded('list', async () => {
        const keyring = await loadKeyring();
        const found = await keyring.findCredentialsAsync(service);
        return [...new Set(found.map((credential) => credential.account))].sort();
      }),
  };
  return store;
}

/** Writes, reads back and deletes a random entry: a store that cannot do all three is not available. */
async function probe(store: CredentialStore): Promise<boolean> {
  const account = `probe:${randomBytes(8).toString('hex')}`;
  const value = randomBytes(16).toString('hex');
  await store.set(KIOSK_CREDENTIAL_SERVICE, account, value);
  try {
    return (await store.get(KIOSK_CREDENTIAL_SERVICE, account)) === value;
  } finally {
    await store.delete(KIOSK_CREDENTIAL_SERVICE, account);
  }
}

let keyringModule: Keyring | undefined;

/**
 * Loaded on first use so a missing native binding makes the store unavailable instead of crashing
 * the importer. With require, not import(): import() of a package inside app.asar fails (electron#38957).
 */
async function loadKeyring(): Promise<Keyring> {
  keyringModule ??= createRequire(__filename)('@napi-rs/keyring') as Keyring;
  return keyringModule;
}

/** A locked keyring may wait for an unlock prompt nobody answers at a kiosk: give up instead of hanging. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A crash point's subject: the kiosk's own account names, never another service's (a citizen's login). */
function storeSubject(service: string, account: string): string {
  if (service !== KIOSK_CREDENTIAL_SERVICE) return 'credential service entry';
  return account.startsWith('probe:') ? 'probe' : account;
}

function causeText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
