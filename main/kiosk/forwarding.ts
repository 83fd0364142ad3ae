import { openAuditLog } from '../../src/audit/audit-log';
import { continuousForwarder, createForwarding, forwardAfterAppend } from '../../src/forwarding/forwarding';
import type { Policy } from '../../src/policy/schema';
import type { CredentialStore } from '../../src/secrets/credential-store';

/** Records the OS-scheduled CLI appends (shift wipes, staff commands) are picked up at least this often. */
const SWEEP_MS = 60_000;

/**
 * The kiosk's audit log with syslog forwarding attached: every append triggers a pass (not awaited),
 * a timer sweeps up records other processes appended, and retries back off per collector. With no
 * `reporting.syslog` this is the plain log.
 */
export function auditWithForwarding(policy: Policy, stateRoot: string, credentials: CredentialStore, version: string, log: (message: string) => void) {
  const audit = openAuditLog(stateRoot, credentials, { sign: true });
  if (policy.reporting.syslog.length === 0) return { audit, startForwarding: () => () => undefined };
  const forwarding = createForwarding({ stateRoot, destinations: policy.reporting.syslog, software: `public-kiosk,${version}`, lockTimeoutMs: 5_000 });
  const lastError = new Map<string, string | null>();
  const forwarder = continuousForwarder(forwarding, (outcome) => {
    // Log changes only: an unreachable collector retried for hours must not fill the log.
    if ((lastError.get(outcome.destination) ?? null) !== outcome.error) {
      log(outcome.error ? `syslog ${outcome.destination}: ${outcome.error} (${outcome.backlog} record(s) waiting; retrying with backoff)` : `syslog ${outcome.destination}: forwarding again`);
    }
    lastError.set(outcome.destination, outcome.error);
  });
  return {
    audit: forwardAfterAppend(audit, forwarder),
    startForwarding: () => {
      forwarder.trigger();
      const sweep = setInterval(() => forwarder.trigger(), SWEEP_MS);
      sweep.unref();
      return () => {
        clearInterval(sweep);
        forwarder.stop();
      };
    },
  };
}
