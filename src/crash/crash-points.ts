/**
 * Named crash points: every step of every state write calls `crashPoint(step, subject)` right where a
 * power cut or a kill would leave the disk in a distinct state. In the product the port does nothing
 * and nothing can change that: no environment variable, flag or file reaches `useCrashPointPort`.
 * Only the test entry (test/support/crash-cli.cjs) installs a port that SIGKILLs its own process at
 * one chosen point, so that every interruption can be replayed deterministically.
 */
export type CrashStep =
  // temp + fsync + rename + directory fsync (src/state/atomic-file.ts)
  | 'atomic:temp-opened'
  | 'atomic:temp-written'
  | 'atomic:temp-synced'
  | 'atomic:renamed'
  | 'atomic:dir-synced'
  | 'remove:before'
  | 'remove:unlinked'
  | 'remove:dir-synced'
  | 'dir:made'
  // the audit log's append (src/audit/audit-log.ts, log-tail.ts, start-new-log.ts)
  | 'audit:opened'
  | 'audit:line-written'
  | 'audit:line-synced'
  | 'audit:before-head'
  | 'audit:after-head'
  | 'audit:tail-cut'
  | 'audit:taken-back'
  | 'audit:set-aside'
  // lock files (src/state/file-lock.ts, src/liveness/kiosk-lock.ts)
  | 'lock:created'
  | 'lock:written'
  | 'lock:removed'
  // the wipe (src/wipe/)
  | 'wipe:before-target'
  | 'wipe:target-removed'
  | 'wipe:after-target'
  | 'wipe:before-verify'
  | 'wipe:before-record'
  | 'wipe:canary-set-aside'
  // the OS credential store (src/secrets/os-credential-store.ts)
  | 'store:before-set'
  | 'store:after-set'
  | 'store:before-delete'
  | 'store:after-delete'
  // files outside the state root written by install-schedule (src/install/linux-schedule.ts)
  | 'install:removed';

export interface CrashPointPort {
  /** Called synchronously at each step; a test port may end the process here. */
  reached(step: CrashStep, subject: string): void;
}

const noCrash: CrashPointPort = { reached: () => undefined };
let port: CrashPointPort = noCrash;

export function crashPoint(step: CrashStep, subject: string): void {
  port.reached(step, subject);
}

/** Test entry only (see the guard in test/src/crash/no-trigger.test.ts): product code never calls this. */
export function useCrashPointPort(next: CrashPointPort): void {
  port = next;
}
