import type { KeyObject } from 'node:crypto';
import { CHECKPOINT_EVERY, checkpointMessage, rotationMessage, signatureValid } from './signature-records';
import { fingerprintOfKey, publicKeyFromBase64 } from './signing-key';

/** The keys a department enrolled for one kiosk (keys.yaml), by fingerprint. */
export interface KeyTrust {
  enrolled(fingerprint: string): KeyObject | null;
  /** Earliest enrolment date (ms): a log with no signature that ended before it is old, not stripped. */
  sinceMs: number | null;
}

export type SignatureProblemKind = 'key-not-enrolled' | 'key-changed' | 'bad-signature' | 'checkpoint-missing' | 'unsigned';

export interface SignatureProblem {
  line: number;
  seq: number;
  kind: SignatureProblemKind;
  detail: string;
}

export interface LogReplacement {
  at: string;
  by: string;
  reason: string;
  otpChecked: boolean;
  oldLogId: string | null;
  oldRecords: number;
  oldLastSeq: number;
}

export interface SignatureVerdict {
  /** 'signed': checkpoints verify against an enrolled key (or a rotation from one) up to lastSignedSeq. */
  status: 'signed' | 'unsigned' | 'not-verified';
  fingerprints: string[];
  lastSignedSeq: number;
  /** Records after the last valid signature: pending (a live kiosk signs them soon), not failed. */
  unsignedTail: { fromSeq: number; records: number } | null;
  problem: SignatureProblem | null;
  replaced: LogReplacement | null;
}

export interface FedRecord {
  line: number;
  seq: number;
  seal: string;
  rec: unknown;
}

type Rec = Record<string, unknown> & { type?: unknown };

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * One log's signatures, a record at a time, in log order (one segment: a forwarded file holding
 * several logs feeds each to its own check). Exact duplicates (a RELP resend) are skipped. The first
 * problem decides: everything from that record on is not vouched for.
 */
export class SignatureCheck {
  private current: { key: KeyObject; fingerprint: string } | null = null;
  private readonly seen = new Map<number, string>();
  private readonly fingerprints = new Set<string>();
  private previous: FedRecord | null = null;
  private logId: string | null = null;
  private lastSigned = 0;
  private signingFrom: number | null = null;
  private owedSince: FedRecord | null = null;
  private lastAt: string | null = null;
  private problem: SignatureProblem | null = null;
  private replaced: LogReplacement | null = null;

  constructor(private readonly trust: KeyTrust) {}

  feed(record: FedRecord): void {
    if (this.seen.get(record.seq) === record.seal) return;
    this.seen.set(record.seq, record.seal);
    const rec = (record.rec ?? {}) as Rec;
    this.lastAt = str(rec.at) || str(rec.endedAt) || this.lastAt;
    if (this.problem === null) this.check(record, rec);
    this.previous = record;
  }

  private fail(record: FedRecord, kind: SignatureProblemKind, detail: string): void {
    this.problem ??= { line: record.line, seq: record.seq, kind, detail };
  }

  private check(record: FedRecord, rec: Rec): void {
    const type = rec.type;
    if (typeof rec.logId === 'string') this.logId ??= rec.logId;
    if (type === 'log-replaced') this.replaced = replacementOf(rec);
    if ((type === 'log-started' || type === 'log-replaced') && typeof rec.publicKey === 'string') {
      this.announce(record, rec);
    } else if (type === 'key-rotated') {
      this.rotate(record, rec);
    } else if (type === 'checkpoint') {
      this.checkpoint(record, rec);
    }
    if (this.signingFrom === null || this.problem) return;
    if (type === 'wipe' && rec.scope === 'shift') this.owedSince ??= record;
    // A crash between a shift wipe and its checkpoint: the next append writes it first, so one record later at most.
    if (this.owedSince && record.seq - this.owedSince.seq > 2) {
      this.fail(this.owedSince, 'checkpoint-missing', `no signature follows the shift wipe at record ${this.owedSince.seq}`);
    } else if (record.seq - Math.max(this.lastSigned, this.signingFrom) > CHECKPOINT_EVERY + 1) {
      this.fail(record, 'checkpoint-missing', `more than ${CHECKPOINT_EVERY} records without a signature before record ${record.seq}`);
    }
  }

  private keyOf(record: FedRecord, rec: Rec): { key: KeyObject; fingerprint: string } | null {
    const key = publicKeyFromBase64(str(rec.publicKey));
    if (!key || fingerprintOfKey(key) !== rec.fingerprint) {
      this.fail(record, 'bad-signature', `record ${record.seq} names a public key that is not Ed25519 or does not match its fingerprint`);
      return null;
    }
    return { key, fingerprint: str(rec.fingerprint) };
  }

  private announce(record: FedRecord, rec: Rec): void {
    const named = this.keyOf(record, rec);
    if (!named) return;
    if (this.current && this.current.fingerprint !== named.fingerprint) {
      this.fail(record, 'key-changed', `record ${record.seq} names key ${short(named.fingerprint)} without a key-rotated record from ${short(this.current.fingerprint)}`);
      return;
    }
    if (!this.current && !this.trust.enrolled(named.fingerprint)) {
      this.fail(record, 'key-not-enrolled', `record ${record.seq} names key ${short(named.fingerprint)}, which is not enrolled for this kiosk`);
      return;
    }
    this.use(record, named);
  }

  private use(record: FedRecord, named: { key: KeyObject; fingerprint: string }): void {
    this.current = named;
    this.fingerprints.add(named.fingerprint);
    this.signingFrom ??= record.seq;
  }

  private rotate(record: FedRecord, rec: Rec): void {
    const named = this.keyOf(record, rec);
    if (!named) return;
    if (rec.previousFingerprint === null) {
      // A key introduced into a log that had none (an upgrade, or the kiosk's note of it lost): like a first record.
      this.announce(record, rec);
      return;
    }
    const old = this.current;
    if (!old || old.fingerprint !== rec.previousFingerprint) {
      const enrolled = this.trust.enrolled(str(rec.previousFingerprint));
      if (!enrolled || old) {
        this.fail(record, 'key-changed', `record ${record.seq} rotates from key ${short(str(rec.previousFingerprint))}, which this log was not signed with and is not enrolled`);
        return;
      }
      this.use(record, { key: enrolled, fingerprint: str(rec.previousFingerprint) });
    }
    const from = this.current!;
    if (!this.covers(rec) || !signatureValid(from.key, rotationMessage(str(rec.logId), Number(rec.seq), str(rec.seal), named.fingerprint), str(rec.signature))) {
      this.fail(record, 'bad-signature', `the key rotation at record ${record.seq} is not signed by the previous key`);
      return;
    }
    this.use(record, named);
  }

  private checkpoint(record: FedRecord, rec: Rec): void {
    const fingerprint = str(rec.fingerprint);
    if (!this.current) {
      const enrolled = this.trust.enrolled(fingerprint);
      if (!enrolled) {
        this.fail(record, 'key-not-enrolled', `record ${record.seq} is signed by key ${short(fingerprint)}, which is not enrolled for this kiosk`);
        return;
      }
      this.use(record, { key: enrolled, fingerprint });
    }
    if (this.current!.fingerprint !== fingerprint) {
      this.fail(record, 'key-changed', `record ${record.seq} is signed by key ${short(fingerprint)} without a key-rotated record from ${short(this.current!.fingerprint)}`);
      return;
    }
    if (!this.covers(rec) || !signatureValid(this.current!.key, checkpointMessage(str(rec.logId), Number(rec.seq), str(rec.seal)), str(rec.signature))) {
      this.fail(record, 'bad-signature', `the signature at record ${record.seq} does not match the records before it`);
      return;
    }
    this.lastSigned = record.seq;
    this.owedSince = null;
  }

  /** The signed record is the one just before, in this log. */
  private covers(rec: Rec): boolean {
    const before = this.previous;
    const seq = before?.seq ?? 0;
    const seal = before?.seal ?? '0'.repeat(64);
    return rec.seq === seq && rec.seal === seal && rec.logId === this.logId;
  }

  verdict(): SignatureVerdict {
    const last = this.previous?.seq ?? 0;
    const fingerprints = [...this.fingerprints];
    const tail = (from: number) => (last > from ? { fromSeq: from + 1, records: last - from } : null);
    if (this.problem) return { status: 'not-verified', fingerprints, lastSignedSeq: this.lastSigned, unsignedTail: null, problem: this.problem, replaced: this.replaced };
    if (this.signingFrom === null) {
      // No key enrolled for this kiosk at all is the caller's finding (the kiosk is not enrolled).
      const old = this.trust.sinceMs === null || (this.lastAt !== null && Date.parse(this.lastAt) < this.trust.sinceMs);
      const problem: SignatureProblem | null =
        last === 0 || old ? null : { line: this.previous?.line ?? 0, seq: 1, kind: 'unsigned', detail: 'no record of this log is signed, but the kiosk has an enrolled key' };
      return { status: problem ? 'not-verified' : 'unsigned', fingerprints, lastSignedSeq: 0, unsignedTail: null, problem, replaced: this.replaced };
    }
    return { status: 'signed', fingerprints, lastSignedSeq: this.lastSigned, unsignedTail: tail(this.lastSigned), problem: null, replaced: this.replaced };
  }
}

function replacementOf(rec: Rec): LogReplacement {
  return {
    at: str(rec.at),
    by: str(rec.by),
    reason: str(rec.reason),
    otpChecked: rec.otpChecked === true,
    oldLogId: typeof rec.oldLogId === 'string' ? rec.oldLogId : null,
    oldRecords: Number(rec.oldRecords) || 0,
    oldLastSeq: Number(rec.oldLastSeq) || 0,
  };
}

const short = (fingerprint: string) => fingerprint.slice(0, 16);
