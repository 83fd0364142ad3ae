import type { BlockedAuditRecord } from '../audit/record-types';
import { refusalHost, refusalRule, type BlockedKind, type BlockedRule, type RefusalVerdict } from './refusal';

/**
 * One session's refusals, counted in memory by host, kind and rule, and turned into one audit record
 * when the session ends. A hostile page can invent hosts without end (random sub-domains): past
 * MAX_KEYS distinct entries further new ones are only summed, so memory stays bounded.
 */

export const MAX_RECORD_HOSTS = 50;
const MAX_KEYS = 2_000;

export interface JournalEntry {
  host: string;
  kind: BlockedKind;
  rule: BlockedRule;
  count: number;
}

export class BlockedJournal {
  private readonly entries = new Map<string, JournalEntry>();
  private overflow = 0;

  /** Counts a refusal the shell decided; a verdict with no host or no journal rule counts nothing. */
  refused(kind: BlockedKind, url: string, verdict: RefusalVerdict): void {
    const rule = refusalRule(verdict);
    if (rule !== null) this.count(kind, url, rule);
  }

  /** Counts a download refused for its type, by the host it came from. */
  downloadRefused(url: string): void {
    this.count('download', url, 'download-type');
  }

  count(kind: BlockedKind, url: string, rule: BlockedRule): void {
    const host = refusalHost(url);
    if (host === null) return;
    const key = `${host} ${kind} ${rule}`;
    const known = this.entries.get(key);
    if (known) known.count += 1;
    else if (this.entries.size < MAX_KEYS) this.entries.set(key, { host, kind, rule, count: 1 });
    else this.overflow += 1;
  }

  isEmpty(): boolean {
    return this.entries.size === 0 && this.overflow === 0;
  }

  /**
   * The session's record, or null when nothing was counted (no record for a clean session). The 50
   * most counted entries by name; the rest summed, so the totals still add up.
   */
  record(type: BlockedAuditRecord['type'], session: string, at: Date): BlockedAuditRecord | null {
    if (this.isEmpty()) return null;
    const ranked = [...this.entries.values()].sort((a, b) => b.count - a.count || a.host.localeCompare(b.host) || a.kind.localeCompare(b.kind) || a.rule.localeCompare(b.rule));
    const kept = ranked.slice(0, MAX_RECORD_HOSTS).map((entry) => ({ ...entry }));
    const otherCount = ranked.slice(MAX_RECORD_HOSTS).reduce((sum, entry) => sum + entry.count, this.overflow);
    if (kept.length === 0) return null;
    return { type, at: at.toISOString(), session, hosts: kept, otherCount };
  }
}
