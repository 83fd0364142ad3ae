import path from 'node:path';

/** Where each of the kiosk's own files lives in the state root (never browsing data). */
export function stateFiles(stateRoot: string) {
  return {
    journal: path.join(stateRoot, 'wipe-journal.json'),
    wipeLock: path.join(stateRoot, 'wipe.lock'),
    outOfService: path.join(stateRoot, 'out-of-service.json'),
    lastShiftWipe: path.join(stateRoot, 'last-shift-wipe.json'),
    canaries: path.join(stateRoot, 'canaries'),
    auditLog: path.join(stateRoot, 'audit.log'),
    auditHead: path.join(stateRoot, 'audit.head'),
    /** The log's random id (src/audit/log-id.ts); set aside with the log by `audit start-new-log`. */
    auditLogId: path.join(stateRoot, 'audit.log-id'),
    auditLock: path.join(stateRoot, 'audit.lock'),
    /** The last audit record the periodic check verified (src/audit/verified-point.ts); a cache, never evidence. */
    auditVerified: path.join(stateRoot, 'audit.verified'),
  };
}
