import type { Policy } from '../../src/policy/schema';
import type { ResolvedPolicyPaths } from '../../src/policy/resolve-paths';
import { latestShiftEndAtOrBefore } from '../../src/schedule/shift-ends';
import { createOsCredentialStore } from '../../src/secrets/os-credential-store';
import { StaffAccess } from '../../src/staff/staff-access';
import type { ClipboardPort } from '../../src/wipe/clipboard';
import type { WipeDeps } from '../../src/wipe/types';
import { auditWithForwarding } from './forwarding';

/** The core services the kiosk runs on, built once from the policy and its resolved roots. */
export function buildCoreServices(policy: Policy, roots: ResolvedPolicyPaths, version: string, log: (message: string) => void, clipboard: ClipboardPort) {
  const credentials = createOsCredentialStore();
  const { audit, startForwarding } = auditWithForwarding(policy, roots.state, credentials, version, log);
  const wipeDeps: WipeDeps = {
    roots: { sessionData: roots.sessionData, downloads: roots.downloads, state: roots.state, extraPaths: roots.extraPaths, sessionPaths: roots.sessionPaths },
    credentialServices: [...policy.wipe.credentialServices],
    credentialStore: credentials,
    audit,
    shiftEndCoveredAt: (at) => latestShiftEndAtOrBefore(policy.schedule, at),
    // Every wipe this process runs clears the OS clipboard before its record (src/wipe/clipboard.ts).
    clipboard,
  };
  const staff = new StaffAccess({ stateRoot: roots.state, policy: policy.staff, credentials, audit });
  /** A burst of failed staff sign-ins is audited once it has gone quiet, even if nobody tries again. */
  const startSettlingSignInFailures = () => {
    const timer = setInterval(() => void staff.settleFailures().catch((error: unknown) => log(`staff sign-in failures not audited yet: ${String(error)}`)), 60_000);
    timer.unref();
  };
  return { credentials, audit, wipeDeps, staff, startForwarding, startSettlingSignInFailures };
}
