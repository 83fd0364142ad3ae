import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { AuditSink, StaffAction, StaffAuditRecord } from '../audit/record-types';
import { readTextIfExists, writeFileAtomic } from '../state/atomic-file';
import { acquireFileLock } from '../state/file-lock';
import { afterFailure, NO_DELAY, quiet, waitSeconds, type FailureBurst, type SignInDelayState } from './sign-in-delay';

/** In the one audit record per burst of failed attempts, instead of a staff id. */
export const FAILURE_BURST_STAFF_ID = '(burst)';

/** Enough failures for the longest delay. */
const DAMAGED_FILE_FAILURES = 32;

const isoTime = z.iso.datetime({ offset: true });
const stateSchema = z.strictObject({
  failures: z.number().int().min(0),
  lastFailureAt: isoTime.nullable(),
  burst: z
    .strictObject({
      firstAt: isoTime,
      lastAt: isoTime,
      failures: z.number().int().min(1),
      idTags: z.array(z.string().regex(/^[a-f0-9]{16}$/)),
      actions: z.array(z.string()),
    })
    .nullable(),
});

/**
 * The kiosk's sign-in delay kept in `<state root>/staff/sign-in-delay.json`, so the kiosk and the CLI
 * share it and a restart does not reset it. Changes are locked read-modify-writes. A burst of failures
 * is audited once, when it ends: at the next success, at `staff unlock`, or once it has been quiet
 * for SIGN_IN_DELAY.forgetAfterSeconds (noticed at the next attempt or by `settle`).
 */
export class SignInThrottle {
  private readonly file: string;
  private readonly keyFile: string;
  private key: Buffer | undefined;

  constructor(
    stateRoot: string,
    private readonly audit: AuditSink,
    private readonly clock: () => number,
  ) {
    this.file = path.join(stateRoot, 'staff', 'sign-in-delay.json');
    this.keyFile = path.join(stateRoot, 'staff', 'id-tag.key');
  }

  /** Seconds to wait before the next check is made (0: now); a quiet burst is audited and forgotten first. */
  async wait(): Promise<number> {
    const now = this.clock();
    const state = await this.read();
    if (quiet(state, now)) return waitSeconds(await this.change((current) => (quiet(current, now) ? NO_DELAY : current)), now);
    return waitSeconds(state, now);
  }

  async state(): Promise<SignInDelayState> {
    return this.read();
  }

  /** A failed check (wrong secret, unknown id, wrong OTP): returns the seconds until the next one is looked at. */
  async fail(typedId: string, action: StaffAction): Promise<number> {
    const now = this.clock();
    const at = new Date(now).toISOString();
    const tag = await this.idTag(typedId);
    const state = await this.change((current) => afterFailure(quiet(current, now) ? NO_DELAY : current, at, tag, action));
    return waitSeconds(state, now);
  }

  /** A success or `staff unlock`: the burst so far is audited and the delay is gone. */
  async clear(): Promise<void> {
    await this.change(() => NO_DELAY);
  }

  /** For a periodic caller: audits a burst that has gone quiet, so it is not left until the next attempt. */
  async settle(): Promise<void> {
    const now = this.clock();
    if (quiet(await this.read(), now)) await this.change((current) => (quiet(current, now) ? NO_DELAY : current));
  }

  /**
   * A keyed hash of a typed id (16 hex digits): equal ids give equal tags on this kiosk, so a record
   * shows one id tried many times or many ids tried once, yet a password typed into the id field
   * cannot be recovered from the record by whoever receives it. `staff list --json` shows each
   * account's tag.
   */
  async idTag(typedId: string): Promise<string> {
    this.key ??= await this.readOrCreateKey();
    return createHmac('sha256', this.key).update(typedId.trim().toLowerCase(), 'utf8').digest('hex').slice(0, 16);
  }

  /**
   * Applies `next` under the lock. When it ends the stored burst (the new state no longer carries it),
   * the burst's record is appended before the state is saved, so a failing audit sink loses nothing.
   */
  private async change(next: (current: SignInDelayState) => SignInDelayState): Promise<SignInDelayState> {
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const lock = await acquireFileLock(`${this.file}.lock`, 'staff sign-in delay', 15_000);
    try {
      const current = await this.read();
      const updated = next(current);
      const ended = current.burst !== null && updated.burst?.firstAt !== current.burst.firstAt ? current.burst : null;
      if (ended) await this.audit.append(burstRecord(ended));
      if (JSON.stringify(updated) !== JSON.stringify(current)) await writeFileAtomic(this.file, `${JSON.stringify(updated)}\n`);
      return updated;
    } finally {
      await lock.release();
    }
  }

  /**
   * A missing file is no delay. A damaged one (edited by hand) fails closed without becoming a
   * lockout: the longest delay, counted from when the file was last written; `staff unlock` clears it.
   */
  private async read(): Promise<SignInDelayState> {
    const text = await readTextIfExists(this.file);
    if (text === null) return NO_DELAY;
    try {
      return stateSchema.parse(JSON.parse(text));
    } catch {
      const written = await stat(this.file).then((s) => s.mtime.toISOString(), () => new Date(this.clock()).toISOString());
      return { failures: DAMAGED_FILE_FAILURES, lastFailureAt: written, burst: null };
    }
  }

  /** The tag of an id as burst records show it, or null before the first failure made the key (listings never make it). */
  async existingIdTag(typedId: string): Promise<string | null> {
    this.key ??= (await this.readKey()) ?? undefined;
    return this.key ? this.idTag(typedId) : null;
  }

  private async readKey(): Promise<Buffer | null> {
    const text = await readTextIfExists(this.keyFile);
    return text !== null && /^[a-f0-9]{64}\s*$/.test(text) ? Buffer.from(text.trim(), 'hex') : null;
  }

  private async readOrCreateKey(): Promise<Buffer> {
    const existing = await this.readKey();
    if (existing) return existing;
    await mkdir(path.dirname(this.keyFile), { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    await writeFileAtomic(this.keyFile, `${key.toString('hex')}\n`);
    return key;
  }
}

/** `action`: the burst's first failed action (almost always sign-in). */
function burstRecord(burst: FailureBurst): StaffAuditRecord {
  return {
    type: 'staff',
    at: burst.lastAt,
    staffId: FAILURE_BURST_STAFF_ID,
    action: (burst.actions[0] ?? 'sign-in') as StaffAction,
    outcome: 'failure',
    failures: burst.failures,
    firstAt: burst.firstAt,
    idsTried: burst.idTags,
  };
}
