import type { CredentialStore } from '../secrets/credential-store';

export interface CredentialWipe {
  removed: number;
  /** Record-safe: no service or account names (an account name can be a citizen's login). */
  errors: string[];
}

/**
 * Deletes every account under each of the policy's credential services, then checks none is left.
 * No store, or one that cannot be reached, while the policy names services: the wipe fails.
 */
export async function wipeCredentialServices(store: CredentialStore | null, services: readonly string[]): Promise<CredentialWipe> {
  const result: CredentialWipe = { removed: 0, errors: [] };
  if (services.length === 0) return result;
  if (!store || !(await store.available().catch(() => false))) {
    result.errors.push(`credential store unavailable: ${services.length} credential service(s) not wiped`);
    return result;
  }
  for (const [index, service] of services.entries()) {
    const label = `credential service ${index + 1}`;
    try {
      for (const account of await store.accounts(service)) {
        if (await store.delete(service, account)) result.removed += 1;
      }
      const left = (await store.accounts(service)).length;
      if (left > 0) result.errors.push(`ENOTEMPTY on ${label}: ${left} entries left`);
    } catch {
      result.errors.push(`EIO on ${label}: the credential store refused`);
    }
  }
  return result;
}
