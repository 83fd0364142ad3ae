import type { KioskClock } from '../../src/schedule/clock';
import type { SessionController } from '../../src/session/controller';
import { PolicyPickup, type PolicyPickupDeps } from '../../src/policy-pickup/pickup';
import type { KioskShell } from './kiosk-shell';

/** The machine policy file as the kiosk reaches it (main/index.ts builds it from the real file). */
export interface MachinePolicyPort extends Pick<PolicyPickupDeps, 'observe' | 'validate' | 'record'> {
  /** Hash of the machine file the running policy came from. */
  runningHash: string;
  /** The newest rejected hash in the audit log (not reported again after a restart). */
  rejectedHash: string | null;
  /** Keeps `content` (exactly the bytes validated; null: no machine file) as the last-applied copy. */
  keepApplied(content: Buffer | null): Promise<void>;
  /** Relaunches the kiosk on the last-applied copy with this hash, so the new policy is used whole, from a fresh start. */
  relaunch(hash: string): Promise<void>;
  /**
   * Before the shift wipe's relaunch: the relaunched kiosk runs on the last-applied copy with this
   * hash (the running policy, or the one just applied); null — nothing changed, it loads the machine file.
   */
  relaunchOn(hash: string | null): Promise<void>;
  settleMs?: number;
  /** How often the file is looked at outside the welcome-screen transitions. */
  intervalMs?: number;
}

const DEFAULT_INTERVAL_MS = 30_000;

/**
 * Safe points: the welcome screen with no session open (on arriving there, and on every look while
 * it stays there) and the shift wipe, whose relaunch takes the new file up. Never during a session.
 */
export function attachPolicyPickup(port: MachinePolicyPort, controller: Pick<SessionController, 'status' | 'session' | 'onStatus'>, shell: KioskShell, clock: KioskClock, log: (message: string) => void) {
  let relaunching = false;
  const pickup = new PolicyPickup(
    {
      observe: port.observe,
      validate: port.validate,
      record: port.record,
      apply: async (hash, content) => {
        await port.keepApplied(content);
        if (relaunching) return; // the shift wipe's relaunch takes it up
        relaunching = true;
        await port.relaunch(hash);
      },
      rejected: (report) => shell.setPolicyRejected(report ? { at: report.at, problems: report.problems } : null),
      now: () => new Date(clock.now()),
      log,
    },
    { runningHash: port.runningHash, rejectedHash: port.rejectedHash, ...(port.settleMs !== undefined ? { settleMs: port.settleMs } : {}) },
  );
  const safe = () => controller.status().state === 'welcome' && controller.session() === null;
  const look = () => {
    if (relaunching) return;
    pickup.check(safe()).catch((error: unknown) => log(`policy pick-up: ${error instanceof Error ? error.message : String(error)}`));
  };
  controller.onStatus((status) => {
    if (status.state === 'welcome') look();
  });
  const tick = () => {
    look();
    clock.setTimer(port.intervalMs ?? DEFAULT_INTERVAL_MS, tick);
  };
  clock.setTimer(port.intervalMs ?? DEFAULT_INTERVAL_MS, tick);
  return {
    pickup,
    /** Before the shift wipe's relaunch: judge a changed file now, so a rejected one is recorded. */
    async beforeShiftRelaunch(): Promise<void> {
      relaunching = true;
      const outcome = await pickup.check(true).catch((error: unknown) => {
        log(`policy pick-up: ${error instanceof Error ? error.message : String(error)}`);
        return 'error' as const;
      });
      // Only a content judged valid (the running one, or the one just applied) is run by the relaunch.
      await port.relaunchOn(outcome === 'unchanged' ? null : pickup.runningHash);
    },
  };
}
