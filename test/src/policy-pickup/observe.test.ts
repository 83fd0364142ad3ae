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
    expect(await observeMachinePolicy(file)).toEqual({ state: 'present', hash: sha(valid) });
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
    expect(seen).toEqual({ state: 'present', hash: sha(sameSize) });
  });

  it('an atomic replace by rename (Ansible, Intune) is seen whole: old or new, never a mix', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pk-mp-'));
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(file, valid);
    writeFileSync(`${file}.new`, invalid);
    renameSync(`${file}.new`, file);
    expect(await observeMachinePolicy(file)).toEqual({ state: 'present', hash: sha(invalid) });
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
        validate: () => {
          const result = loadPolicy({ machineFile: file, env: {} , platform: 'linux' });
          return result.ok ? { ok: true } : { ok: false, problems: result.errors.map((e) => e.message) };
        },
        record: async (r) => void records.push(`${r.event}:${r.hash}`),
        apply: (hash) => void applied.push(hash),
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
        validate: () => {
          const result = loadPolicy({ machineFile: file, env: {}, platform: 'linux' });
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
});
