import { createHash } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initialPickupState, decidePickup } from '../../../src/policy-pickup/decide';
import { machinePolicyHash, observeMachinePolicy } from '../../../src/policy-pickup/observe';
import { PolicyPickup } from '../../../src/policy-pickup/pickup';
import { loadPolicy } from '../../../src/policy/load';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

const valid = 'session:\n  idleTimeoutSeconds: 300\n';
const invalid = 'session:\n  idleTimeoutSeconds: 5\n';

describe('observeMachinePolicy on real files', () => {
  it('hashes exactly the bytes of the file; no file hashes as the empty file', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pk-mp-'));
    const file = path.join(dir, 'policy.yaml');
    expect(await observeMachinePolicy(file)).toEqual({ state: 'missing', hash: sha('') });
    expect(machinePolicyHash(null)).toBe(sha(''));
    writeFileSync(file, valid);
    expect(await observeMachinePolicy(file)).toEqual({ state: 'present', hash: sha(valid), bytes: Buffer.from(valid) });
  });

  it('a touch (new mtime, same bytes) is no change; the same size with other bytes is one', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pk-mp-'));
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(file, valid);
    const state = initialPickupState(sha(valid));
    utimesSync(file, new Date(), new Date(Date.now() + 60_000));
    expect(decidePickup(state, await observeMachinePolicy(file), 0, true, 0).step).toEqual({ action: 'none', why: 'unchanged' });
    const sameSize = valid.replace('300', '301');
    writeFileSync(file, sameSize);
    const seen = await observeMachinePolicy(file);
    expect(seen).toEqual({ state: 'present', hash: sha(sameSize), bytes: Buffer.from(sameSize) });
  });

  it('an atomic replace by rename (Ansible, Intune) is seen whole: old or new, never a mix', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pk-mp-'));
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(file, valid);
    writeFileSync(`${file}.new`, invalid);
    renameSync(`${file}.new`, file);
    expect(await observeMachinePolicy(file)).toEqual({ state: 'present', hash: sha(invalid), bytes: Buffer.from(invalid) });
  });

  it('a half-written file is never applied: a copy in place is judged only once it is finished', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pk-mp-'));
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(file, valid);
    const records: string[] = [];
    const applied: string[] = [];
    let now = 0;
    const pickup = new PolicyPickup(
      {
        observe: () => observeMachinePolicy(file),
        validate: (content) => {
          const result = loadPolicy({ machineFile: file, machineContent: content, env: {}, platform: 'linux' });
          return result.ok ? { ok: true } : { ok: false, problems: result.errors.map((e) => e.message) };
        },
        record: async (r) => void records.push(`${r.event}:${r.hash}`),
        apply: async (hash) => void applied.push(hash),
        rejected: () => undefined,
        now: () => new Date(now),
        log: () => undefined,
      },
      { runningHash: sha(valid), settleMs: 2_000 },
    );
    const next = 'session:\n  idleTimeoutSeconds: 600\n  idleWarningSeconds: 45\n';
    const handle = await open(file, 'w'); // a copy in place: truncated, then written in two parts
    await handle.write(next.slice(0, 20));
    expect(await pickup.check(true)).toBe('settling');
    now += 1_000;
    await handle.write(next.slice(20));
    await handle.close();
    expect(await pickup.check(true)).toBe('settling'); // a new content: the wait starts again
    now += 1_000;
    expect(await pickup.check(true)).toBe('settling');
    now += 1_000;
    expect(await pickup.check(true)).toBe('applied');
    expect(records).toEqual([`applied:${sha(next)}`]);
    expect(applied).toEqual([sha(next)]);
  });

  it('an invalid file at a safe point is rejected once, with its hash; the running hash stays', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pk-mp-'));
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(file, valid);
    const records: string[] = [];
    const reports: (string[] | null)[] = [];
    const pickup = new PolicyPickup(
      {
        observe: () => observeMachinePolicy(file),
        validate: (content) => {
          const result = loadPolicy({ machineFile: file, machineContent: content, env: {}, platform: 'linux' });
          return result.ok ? { ok: true } : { ok: false, problems: result.errors.map((e) => `${e.file}:${e.line}:${e.col} ${e.path}: ${e.message}`) };
        },
        record: async (r) => void records.push(`${r.event}:${r.hash}`),
        apply: () => expect.unreachable('an invalid policy must never be applied'),
        rejected: (report) => void reports.push(report?.problems ?? null),
        now: () => new Date(0),
        log: () => undefined,
      },
      { runningHash: sha(valid), settleMs: 0 },
    );
    writeFileSync(file, invalid);
    expect(await pickup.check(true)).toBe('settling');
    expect(await pickup.check(true)).toBe('rejected');
    expect(await pickup.check(true)).toBe('already-rejected');
    expect(records).toEqual([`rejected:${sha(invalid)}`]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toEqual([expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+ session\\.idleTimeoutSeconds: .*30`))]);
    expect(pickup.runningHash).toBe(sha(valid));
  });

  describe('reads once: an A→B→A swap while the file is judged (real files, the real loader)', () => {
    const other = 'session:\n  idleTimeoutSeconds: 900\n';
    /** A pick-up whose judge swaps the file to B and back to A while it judges, as a racing writer would. */
    function swapping(file: string, readsFileAgain: boolean) {
      const records: string[] = [];
      const applied: { hash: string; content: string | null }[] = [];
      const judged: string[] = [];
      const pickup = new PolicyPickup(
        {
          observe: () => observeMachinePolicy(file),
          validate: (content) => {
            const a = content?.toString('utf8') ?? '';
            writeFileSync(file, other); // B: a valid file, there only while the check runs
            const result = loadPolicy({ machineFile: file, ...(readsFileAgain ? {} : { machineContent: content }), env: {}, platform: 'linux' });
            judged.push(readsFileAgain ? other : a);
            writeFileSync(file, a); // back to A
            return result.ok ? { ok: true } : { ok: false, problems: result.errors.map((e) => e.message) };
          },
          record: async (r) => void records.push(`${r.event}:${r.hash}`),
          apply: async (hash, content) => void applied.push({ hash, content: content?.toString('utf8') ?? null }),
          rejected: () => undefined,
          now: () => new Date(0),
          log: () => undefined,
        },
        { runningHash: sha(valid), settleMs: 0 },
      );
      return { pickup, records, applied, judged };
    }

    it('A invalid: rejected with its hash, although B (valid) was on disk while it was judged', async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'pk-mp-'));
      const file = path.join(dir, 'policy.yaml');
      writeFileSync(file, invalid);
      const t = swapping(file, false);
      expect(await t.pickup.check(true)).toBe('settling');
      expect(await t.pickup.check(true)).toBe('rejected');
      expect(t.judged).toEqual([invalid]);
      expect(t.records).toEqual([`rejected:${sha(invalid)}`]);
      expect(t.applied).toEqual([]);
    });

    it('the control: a judge that reads the file again applies the invalid A (what the pick-up used to do)', async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'pk-mp-'));
      const file = path.join(dir, 'policy.yaml');
      writeFileSync(file, invalid);
      const t = swapping(file, true);
      await t.pickup.check(true);
      expect(await t.pickup.check(true)).toBe('applied');
      expect(t.records).toEqual([`applied:${sha(invalid)}`]);
    });

    it('A valid: applied and handed on as exactly A\'s bytes (the copy kept and relaunched on), never B', async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'pk-mp-'));
      const file = path.join(dir, 'policy.yaml');
      const next = 'session:\n  idleTimeoutSeconds: 600\n';
      writeFileSync(file, next);
      const t = swapping(file, false);
      await t.pickup.check(true);
      expect(await t.pickup.check(true)).toBe('applied');
      expect(t.records).toEqual([`applied:${sha(next)}`]);
      expect(t.applied).toEqual([{ hash: sha(next), content: next }]);
    });
  });
});
