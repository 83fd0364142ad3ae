import type { SyslogDestinationPolicy } from '../policy/schema-reporting';
import { syslogDestinations, type SyslogDestination } from './destination';
import { readDestinationState, type ForwardCursor } from './destination-state';
import { pendingRecords } from './pending';

export interface DestinationBacklog {
  destination: string;
  /** Records past the collector's cursor. */
  records: number;
  lastError: { at: string; message: string } | null;
  cursor: ForwardCursor | null;
  lastSuccessAt: string | null;
}

/**
 * Per collector, how many audit records it has not acknowledged yet and the last error: for
 * `status`, and for the metrics' backlog gauge (a port of shape
 * `() => Promise<Array<{ destination: string; records: number }>>`). Reads only.
 */
export async function forwardBacklog(stateRoot: string, destinations: readonly SyslogDestination[]): Promise<DestinationBacklog[]> {
  return Promise.all(
    destinations.map(async (destination) => {
      const state = await readDestinationState(stateRoot, destination.id);
      const pending = await pendingRecords(stateRoot, state.cursor);
      return { destination: destination.id, records: pending.records.length, lastError: state.lastError, cursor: state.cursor, lastSuccessAt: state.lastSuccessAt };
    }),
  );
}

/** The backlog gauge's source for the metrics: records waiting per collector named in the policy. */
export function backlogSource(stateRoot: string, syslog: readonly SyslogDestinationPolicy[]): () => Promise<{ destination: string; records: number }[]> {
  const destinations = syslogDestinations(syslog);
  return async () => (await forwardBacklog(stateRoot, destinations)).map(({ destination, records }) => ({ destination, records }));
}
