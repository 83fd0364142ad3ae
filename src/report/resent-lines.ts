/**
 * A RELP sender resends what the collector did not acknowledge (at most its window plus the records
 * since its last saved cursor), so a collector's file can hold a line twice: the same seq, seal and
 * record, which says nothing new. Such an exact copy of one of the last RECENT lines is passed over.
 * Memory stays bounded on a log of any length; a copy from further back is not passed over and shows
 * as a second record with that number (not verified), never the other way round.
 */
export const RECENT_LINES = 16_384;

export class ResentLines {
  private readonly recent = new Set<string>();
  private readonly order: string[] = [];
  private next = 0;

  /** Whether this (complete, trimmed) line repeats one of the recent ones; remembers it if not. */
  isResent(line: string): boolean {
    if (line === '') return false;
    if (this.recent.has(line)) return true;
    if (this.order.length < RECENT_LINES) this.order.push(line);
    else {
      this.recent.delete(this.order[this.next]!);
      this.order[this.next] = line;
      this.next = (this.next + 1) % RECENT_LINES;
    }
    this.recent.add(line);
    return false;
  }
}
