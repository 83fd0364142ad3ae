import { sealLine, GENESIS } from '../../../src/audit/chain';

/**
 * Builds a forwarded log as a kiosk would have written it (sealed, chained, unkeyed or keyed with a
 * key the reader does not have), for records no current wipe writes any more (older formats) and for
 * fleets too large to wipe for real in a test.
 */
export function sealedLog(records: object[], key: Buffer | null = null): string {
  let prev = GENESIS;
  const lines = records.map((rec, index) => {
    const line = sealLine({ v: 1, seq: index + 1, prev, alg: key ? 'hmac-sha256' : 'sha256', rec: rec as never }, key);
    prev = line.seal;
    return line.text;
  });
  return lines.map((line) => `${line}\n`).join('');
}

export function shiftWipe(startedAt: string, result: 'succeeded' | 'failed', coveredShiftEnd?: string): object {
  const ended = new Date(Date.parse(startedAt) + 1500).toISOString();
  return {
    type: 'wipe',
    scope: 'shift',
    trigger: 'shift-end',
    startedAt,
    endedAt: ended,
    durationMs: 1500,
    filesRemoved: 12,
    bytesRemoved: 4096,
    verification: result === 'succeeded' ? 'passed' : 'failed',
    result,
    errors: result === 'succeeded' ? [] : ['EBUSY on session-data'],
    ...(coveredShiftEnd ? { coveredShiftEnd } : {}),
  };
}

export function sessionWipe(startedAt: string, result: 'succeeded' | 'failed' = 'succeeded'): object {
  return { ...shiftWipe(startedAt, result), scope: 'session', trigger: 'session-end' };
}
