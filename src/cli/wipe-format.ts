import type { WipeAuditRecord } from '../audit/record-types';

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

/** One wipe record as the IT officer reads it: result first, then what was removed, then each error. */
export function describeWipe(record: WipeAuditRecord): string[] {
  const result = record.result === 'succeeded' ? 'SUCCEEDED' : 'FAILED';
  const trigger = record.recoveredTrigger ? `${record.trigger}, was ${record.recoveredTrigger}` : record.trigger;
  const credentials = record.credentialEntriesRemoved ? `, ${record.credentialEntriesRemoved} stored credential(s)` : '';
  return [
    `${record.scope} wipe (${trigger}) ${result} at ${record.endedAt}: ${record.filesRemoved} files, ` +
      `${formatBytes(record.bytesRemoved)}${credentials} removed in ${(record.durationMs / 1000).toFixed(1)} s; ` +
      `verification ${record.verification} (${record.canarySessionsChecked ?? 0} session(s) of canaries checked)`,
    ...record.errors.map((error) => `  error: ${error}`),
  ];
}
