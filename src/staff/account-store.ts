import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { crashPoint } from '../crash/crash-points';
import { readTextIfExists, writeFileAtomic } from '../state/atomic-file';
import { acquireFileLock } from '../state/file-lock';
import { verifierSchema } from './verifier';

/** Lower-case letters, digits and . _ -, 3 to 32 long: typed on a kiosk keyboard, shown in audit records. */
export const STAFF_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

const isoTime = z.iso.datetime({ offset: true });

const accountSchema = z.strictObject({
  id: z.string().regex(STAFF_ID_PATTERN),
  displayName: z.string().min(1).max(100),
  role: z.enum(['staff', 'admin']),
  secretKind: z.enum(['password', 'pin']),
  verifier: verifierSchema,
  createdAt: isoTime,
  changedAt: isoTime,
  /**
   * The IT officer chose the current secret (`staff add`, `staff passwd`), so someone else knows it:
   * the owner must choose their own before anything else. Files from before this field read as false.
   */
  secretSetByAdmin: z.boolean().default(false),
  /** The TOTP secret itself lives only in the OS credential store; this says it is there. */
  otp: z.strictObject({ enrolledAt: isoTime, lastUsedStep: z.number().int().nullable() }).nullable(),
  /**
   * Left from the per-account lockout, which a citizen could trigger: read for old files, always
   * written as no failures. The kiosk-wide delay (sign-in-delay.ts) replaced it.
   */
  lockout: z.strictObject({ failures: z.number().int().min(0), lockedUntil: isoTime.nullable() }),
});

export const NO_FAILURES: StaffAccount['lockout'] = { failures: 0, lockedUntil: null };
export type StaffAccount = z.infer<typeof accountSchema>;

const fileSchema = z.strictObject({
  version: z.literal(1),
  accounts: z.array(accountSchema).refine((list) => new Set(list.map((a) => a.id)).size === list.length, 'duplicate staff id'),
});

/** The accounts file is damaged or was edited by hand: nobody signs in until it is fixed (fail closed). */
export class AccountFileError extends Error {
  constructor(file: string, detail: string) {
    super(`staff accounts file ${file} is not valid: ${detail}; nobody can sign in until it is restored from a backup, or moved aside and the accounts added again with 'public-kiosk staff add'`);
    this.name = 'AccountFileError';
  }
}

/** What a typed id becomes before lookup: ids are case-insensitive and spaces around them don't count. */
export function normalizeStaffId(input: string): string {
  return input.trim().toLowerCase();
}

/**
 * Staff accounts in `<state root>/staff/accounts.json` (mode 0600). Every read goes to disk and
 * every change is a locked read-modify-write with an atomic replace, because the kiosk and the CLI
 * may change the file at the same time.
 */
export class AccountStore {
  readonly dir: string;
  readonly file: string;

  constructor(stateRoot: string) {
    this.dir = path.join(stateRoot, 'staff');
    this.file = path.join(this.dir, 'accounts.json');
  }

  async list(): Promise<StaffAccount[]> {
    return this.read();
  }

  async find(id: string): Promise<StaffAccount | undefined> {
    return (await this.read()).find((account) => account.id === id);
  }

  /** Runs `change` on the current accounts under the lock; whatever it leaves in the array is saved. */
  async update<T>(change: (accounts: StaffAccount[]) => T): Promise<T> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    crashPoint('dir:made', 'staff');
    const lock = await acquireFileLock(`${this.file}.lock`, 'staff accounts', 15_000);
    try {
      const accounts = await this.read();
      const result = change(accounts);
      await writeFileAtomic(this.file, `${JSON.stringify(fileSchema.parse({ version: 1, accounts }), null, 2)}\n`);
      return result;
    } finally {
      await lock.release();
    }
  }

  private async read(): Promise<StaffAccount[]> {
    const text = await readTextIfExists(this.file);
    if (text === null) return [];
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AccountFileError(this.file, 'not JSON');
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new AccountFileError(this.file, `${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}`);
    }
    return parsed.data.accounts;
  }
}
