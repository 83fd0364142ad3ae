import { openAuditLog } from '../../src/audit/audit-log';
import type { Policy } from '../../src/policy/schema';
import type { ResolvedPolicyPaths } from '../../src/policy/resolve-paths';
import { createOsCredentialStore } from '../../src/secrets/os-credential-store';
import { StaffAccess } from '../../src/staff/staff-access';
import type { ClipboardPort } from '../../src/wipe/clipboard';
import type { WipeDeps } from '../../src/wipe/types';

/** The core services the kiosk runs on, built once from the policy and its resolved roots. */
export function buildCoreServices(policy: Policy, roots: ResolvedPolicyPaths, clipboard: ClipboardPort) {
  const credentials = createOsCredentialStore();
  const audit = openAuditLog(roots.state, credentials);
  const wipeDeps: WipeDeps = {
    roots: { sessionData: roots.sessionData, downloads: roots.downloads, state: roots.state, extraPaths: roots.extraPaths },
    credentialServices: [...policy.wipe.credentialServices],
    credentialStore: credentials,
    audit,
    // Every wipe this process runs clears the OS clipboard before its record (src/wipe/clipboard.ts).
    clipboard,
  };
  const staff = new StaffAccess({ stateRoot: roots.state, policy: policy.staff, credentials, audit });
  return { credentials, audit, wipeDeps, staff };
}
