import { hostname as osHostname } from 'node:os';
import type { AuditLog } from '../audit/audit-log';
import type { SyslogDestinationPolicy } from '../policy/schema-reporting';
import { forwardBacklog, type DestinationBacklog } from './backlog';
import { ContinuousForwarder } from './continuous-forwarder';
import { syslogDestinations, type SyslogDestination } from './destination';
import { forwardOnce, type ForwardOutcome } from './forward-once';
import { senderFor, type SenderOptions } from './senders';

export interface ForwardingOptions {
  stateRoot: string;
  destinations: readonly SyslogDestinationPolicy[];
  /** `public-kiosk,<version>` for the RELP offer. */
  software: string;
  hostname?: string;
  sender?: Partial<SenderOptions>;
  lockTimeoutMs?: number;
}

/** Forwarding of the audit log to `reporting.syslog`, as the CLI and the kiosk use it. */
export function createForwarding(options: ForwardingOptions) {
  const destinations: SyslogDestination[] = syslogDestinations(options.destinations);
  const deps = {
    stateRoot: options.stateRoot,
    hostname: options.hostname ?? osHostname(),
    sender: (destination: SyslogDestination) => senderFor(destination, { software: options.software, ...options.sender }),
    ...(options.lockTimeoutMs !== undefined ? { lockTimeoutMs: options.lockTimeoutMs } : {}),
  };
  return {
    destinations,
    /** One pass to every collector at once. */
    forwardAll: (): Promise<ForwardOutcome[]> => Promise.all(destinations.map((destination) => forwardOnce(destination, deps))),
    forwardOne: (destination: SyslogDestination) => forwardOnce(destination, deps),
    backlog: (): Promise<DestinationBacklog[]> => forwardBacklog(options.stateRoot, destinations),
  };
}

export type Forwarding = ReturnType<typeof createForwarding>;

/** The kiosk's continuous forwarder, with real timers (unref'd: forwarding never keeps the process up). */
export function continuousForwarder(forwarding: Forwarding, onOutcome?: (outcome: ForwardOutcome) => void): ContinuousForwarder {
  return new ContinuousForwarder({
    destinations: forwarding.destinations,
    forward: forwarding.forwardOne,
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      timer.unref();
      return { cancel: () => clearTimeout(timer) };
    },
    ...(onOutcome ? { onOutcome } : {}),
  });
}

/** The audit log, with every successful append followed by a (not awaited) forwarding trigger. */
export function forwardAfterAppend(audit: AuditLog, forwarder: { trigger(): void }): AuditLog {
  return {
    file: audit.file,
    keyState: () => audit.keyState(),
    async append(record) {
      await audit.append(record);
      forwarder.trigger();
    },
  };
}
