import type { SyslogDestinationPolicy } from '../policy/schema-reporting';

/** A collector from `reporting.syslog`, with the name it is reported and remembered under. */
export interface SyslogDestination extends SyslogDestinationPolicy {
  /** `transport://host:port`: how status, metrics and the cursor file name the collector. */
  readonly id: string;
}

/** RFC 5612 reserves 32473 for documentation; a department with its own number sets enterpriseId. */
export const DEFAULT_ENTERPRISE_ID = 32473;

export function syslogDestinations(list: readonly SyslogDestinationPolicy[]): SyslogDestination[] {
  return list.map((entry) => ({ ...entry, id: destinationId(entry) }));
}

export function destinationId(entry: Pick<SyslogDestinationPolicy, 'transport' | 'host' | 'port'>): string {
  const host = entry.host.includes(':') ? `[${entry.host}]` : entry.host.toLowerCase();
  return `${entry.transport}://${host}:${entry.port}`;
}

/** A file-name-safe form of the id for the cursor file (`forward-relp-tls-logs.example.vn-20514.json`). */
export function destinationSlug(id: string): string {
  return id.replace('://', '-').replace(/[^A-Za-z0-9.-]+/g, '-').replace(/-+/g, '-');
}
