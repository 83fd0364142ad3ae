import type { BlockedAuditRecord } from '../audit/record-types';
import { BlockedJournal } from './journal';
import type { BlockedKind, RefusalVerdict } from './refusal';
import { rehearsalLetsThrough } from './rehearsal';

export type SessionMode = 'citizen' | 'rehearsal';

/**
 * The journal of one open site view, as the guards in main/site see it. One navigation reaches
 * several guards (will-frame-navigate, then will-navigate, then the network check): a repeat of the
 * refusal just counted (same kind, same URL, kept in memory only) is not counted again. In a
 * rehearsal, `refused` answers true for what the rehearsal lets through, counted all the same.
 */
export class SessionRefusals {
  private readonly journal = new BlockedJournal();
  private last = '';

  constructor(readonly mode: SessionMode) {}

  /** Counts a refusal; true when the guard must let it through (a rehearsal, outside the allowlist only). */
  refused(kind: BlockedKind, url: string, verdict: RefusalVerdict & { allow: boolean }): boolean {
    const key = `${kind} ${url}`;
    if (key !== this.last) this.journal.refused(kind, url, verdict);
    this.last = key;
    return this.mode === 'rehearsal' && rehearsalLetsThrough(kind, verdict);
  }

  downloadRefused(url: string): void {
    this.last = '';
    this.journal.downloadRefused(url);
  }

  /** The session's one record (`blocked`, or `rehearsal`), or null when nothing was counted. */
  record(session: string, at: Date): BlockedAuditRecord | null {
    return this.journal.record(this.mode === 'rehearsal' ? 'rehearsal' : 'blocked', session, at);
  }
}
