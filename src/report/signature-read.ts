import { trustFor, type EnrolledKey } from './enrolled-keys';
import { SignatureCheck, type FedRecord, type LogReplacement, type SignatureVerdict } from '../audit/signature-check';
import type { KioskLogVerdict } from './log-source';
import type { KioskSignature } from './types';

/** The signature check of one log (a segment of a kiosk's file), fed its records as they stream past. */
export interface SegmentCheck {
  feed(record: FedRecord): void;
  /** The log is over: its verdict joins the kiosk's. */
  end(): void;
}

/** "Where a log began by replacement and by whom": read off its first record, with or without keys. */
export function replacementNote(file: string, fed: readonly FedRecord[]): string | null {
  const first = fed[0];
  const rec = first?.rec as { type?: unknown } | undefined;
  if (!first || rec?.type !== 'log-replaced') return null;
  const check = new SignatureCheck({ enrolled: () => null, sinceMs: null });
  check.feed({ ...first, rec: { ...(first.rec as object), publicKey: undefined } });
  const replaced = check.verdict().replaced;
  return replaced ? `${file}: line ${first.line}: ${describeReplacement(replaced)}` : null;
}

export function describeReplacement(r: LogReplacement): string {
  const old = r.oldLogId === null ? 'no earlier log' : `log ${r.oldLogId} (${r.oldRecords} record(s), last ${r.oldLastSeq})`;
  return `this log began by replacement (audit start-new-log) at ${r.at} by ${r.by}${r.otpChecked ? '' : ' (password only: no credential store for OTP)'}, reason "${r.reason}"; it replaced ${old}`;
}

/** Collects the verdicts of a kiosk's logs (files and segments, in order) into its report entry. */
export class KioskSignatures {
  private readonly verdicts: { file: string; verdict: SignatureVerdict }[] = [];

  constructor(private readonly keys: readonly EnrolledKey[]) {}

  segment(file: string): SegmentCheck {
    const check = new SignatureCheck(trustFor(this.keys));
    return { feed: (record) => check.feed(record), end: () => this.verdicts.push({ file, verdict: check.verdict() }) };
  }

  /** Problems and notes into the kiosk's read; the summary for the report. */
  finish(read: KioskLogVerdict, kioskEnrolled: boolean): KioskSignature {
    const fingerprints = new Set<string>();
    let status: KioskSignature['status'] = 'unsigned';
    let unsignedTail: KioskSignature['unsignedTail'] = null;
    if (!kioskEnrolled) read.problems.push({ file: '', line: 0, kind: 'key-not-enrolled', detail: 'this kiosk has no key in keys.yaml' });
    for (const { file, verdict } of this.verdicts) {
      verdict.fingerprints.forEach((f) => fingerprints.add(f));
      if (verdict.problem) {
        const p = verdict.problem;
        read.problems.push({ file, line: p.line, kind: p.kind, detail: `${p.detail}; records from ${p.seq} on are not vouched for by a signature` });
      }
      if (verdict.status === 'not-verified' || !kioskEnrolled) status = 'not-verified';
      else if (verdict.status === 'signed' && status === 'unsigned') status = 'signed';
      unsignedTail = verdict.unsignedTail;
    }
    if (status === 'signed' && unsignedTail) {
      read.notes.push(`unsigned tail: ${unsignedTail.records} record(s) from record ${unsignedTail.fromSeq} on are after the last signature (pending: the kiosk signs them at its next checkpoint)`);
    }
    return { status, fingerprints: [...fingerprints], unsignedTail: status === 'signed' ? unsignedTail : null };
  }
}
