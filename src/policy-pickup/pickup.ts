import { afterValidation, decidePickup, initialPickupState, type MachinePolicyObservation, type PickupState } from './decide';

/** What the pick-up needs from the outside; the kiosk passes real ones, tests small fakes. */
export interface PolicyPickupDeps {
  /** Reads and hashes the machine policy file (observe.ts). */
  observe(): Promise<MachinePolicyObservation>;
  /**
   * Loads the whole effective policy as a fresh start would, with `content` as the machine layer
   * (null: no machine file): the bytes observe() read and hashed, not the file read again.
   * Problems as FILE:LINE:COL lines.
   */
  validate(content: Buffer | null): { ok: true } | { ok: false; problems: string[] };
  /** Appends `{ type: 'policy', at, event, hash }` to the audit log. */
  record(record: { type: 'policy'; at: string; event: 'applied' | 'rejected'; hash: string }): Promise<void>;
  /**
   * Takes the new policy into use as a whole: the kiosk keeps `content` (the validated bytes) as the
   * last-applied copy and relaunches on that copy. Called at most once per content.
   */
  apply(hash: string, content: Buffer | null): Promise<void>;
  /** The staff dashboard and metrics: a rejected change (null once a valid one is applied). */
  rejected(report: { at: string; hash: string; problems: string[] } | null): void;
  now(): Date;
  log(message: string): void;
}

export interface PolicyPickupOptions {
  runningHash: string;
  /** The newest rejected hash from the audit log, so a restart does not report it again. */
  rejectedHash?: string | null;
  settleMs?: number;
}

export type PickupOutcome = 'unchanged' | 'settling' | 'already-rejected' | 'not-a-safe-point' | 'applied' | 'rejected' | 'busy';

/**
 * Picks up a machine policy file changed by GPO, Intune or Ansible, at a safe point, without anyone
 * at the kiosk. Valid: recorded, then applied whole (never a half-applied policy). Invalid: recorded
 * as rejected and reported; the running policy stays.
 */
export class PolicyPickup {
  private state: PickupState;
  private running = false;
  private readonly settleMs: number;

  constructor(private readonly deps: PolicyPickupDeps, options: PolicyPickupOptions) {
    this.state = initialPickupState(options.runningHash, options.rejectedHash ?? null);
    this.settleMs = options.settleMs ?? 5_000;
  }

  get runningHash(): string {
    return this.state.runningHash;
  }

  async check(safePoint: boolean): Promise<PickupOutcome> {
    if (this.running) return 'busy';
    this.running = true;
    try {
      return await this.checkOnce(safePoint);
    } finally {
      this.running = false;
    }
  }

  private async checkOnce(safePoint: boolean): Promise<PickupOutcome> {
    const seen = await this.deps.observe();
    const decided = decidePickup(this.state, seen, this.deps.now().getTime(), safePoint, this.settleMs);
    this.state = decided.state;
    if (decided.step.action === 'none') return decided.step.why;
    const { hash } = decided.step;
    // One read: the bytes hashed are the bytes judged, kept and relaunched on, whatever the file
    // becomes meanwhile (an A→B→A swap while it is judged cannot slip an unjudged file in).
    const content = seen.state === 'present' ? (seen.bytes ?? null) : null;
    if (seen.state === 'present' && content === null) throw new Error('the machine policy observation carries no content to judge');
    const result = this.deps.validate(content);
    const at = this.deps.now().toISOString();
    if (result.ok) {
      await this.deps.record({ type: 'policy', at, event: 'applied', hash });
      this.state = afterValidation(this.state, hash, true);
      this.deps.log(`the machine policy changed (sha256 ${hash.slice(0, 12)}…): applying it`);
      this.deps.rejected(null);
      await this.deps.apply(hash, content);
      return 'applied';
    }
    this.state = afterValidation(this.state, hash, false);
    this.deps.log(`the machine policy changed and is invalid; the running policy stays:\n${result.problems.join('\n')}`);
    this.deps.rejected({ at, hash, problems: result.problems });
    await this.deps.record({ type: 'policy', at, event: 'rejected', hash });
    return 'rejected';
  }
}
