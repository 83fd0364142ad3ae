/**
 * The transaction numbers of the `syslog` frames sent and not yet answered, oldest first: a fixed
 * ring the size of the window, so a long backlog costs no closure, map entry or allocation per
 * frame. librelp answers in the order it received; the oldest is the one the next answer must name.
 */
export class InFlightFrames {
  private readonly txnrs: Float64Array;
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`the RELP window must be a whole number >= 1 (got ${capacity})`);
    this.txnrs = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  get full(): boolean {
    return this.count === this.capacity;
  }

  /** The oldest unanswered frame's TXNR, or -1 when none is in flight. */
  get oldest(): number {
    return this.count === 0 ? -1 : this.txnrs[this.head]!;
  }

  push(txnr: number): void {
    if (this.full) throw new Error('RELP window overrun');
    this.txnrs[(this.head + this.count) % this.capacity] = txnr;
    this.count += 1;
  }

  shift(): void {
    if (this.count === 0) return;
    this.head = (this.head + 1) % this.capacity;
    this.count -= 1;
  }

  /** Whether `txnr` is in flight (only asked on the error path: an answer that is not the oldest). */
  includes(txnr: number): boolean {
    for (let k = 0; k < this.count; k += 1) if (this.txnrs[(this.head + k) % this.capacity] === txnr) return true;
    return false;
  }
}
