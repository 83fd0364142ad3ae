import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../../src/audit/verify-log';
import { runCli } from '../../support/cli';
import { twice } from '../cli/staff-cli';
import { runCrashCli, traceLabels } from './crash-cli';

// The staff account store: `staff add` killed at every crash point of the store (its folder, its lock,
// accounts.json's atomic replace). Afterwards the file always reads, and adding the
// account again either adds it or finds it: never a torn file, never two, the log verifies.
const SECRET = 'Tr0ng-Dong-77';
let dir: string;
let state: string;
let policy: string;
let env: Record<string, string>;
const addArgs = () => ['staff', 'add', 'lan.nt', '--name', 'Lan', '--role', 'staff', '--state', state, '--policy', policy];
const listArgs = () => ['staff', 'list', '--json', '--state', state, '--policy', policy];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pk-staff-crash-'));
  state = path.join(dir, 'state');
  policy = path.join(dir, 'policy.yaml');
  writeFileSync(policy, 'version: 1\n');
  // No D-Bus session: no OS store, as the other staff CLI tests.
  env = { DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(dir, 'no-bus')}` };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('staff add killed at each crash point', () => {
  it('the account file always reads; adding again adds or finds the account, once; the log verifies', async () => {
    mkdirSync(state, { recursive: true });
    const trace = path.join(dir, 'trace.txt');
    const traced = await runCrashCli(trace, null, addArgs(), { input: twice(SECRET), env });
    expect(traced.code, traced.stderr).toBe(0);
    // The store's own points; the audit append's are killed in the wipe tests.
    const labels = traceLabels(trace).filter((label) => / (accounts\.json(\.lock)?|staff)#/.test(label));
    expect(labels).toEqual(expect.arrayContaining(['dir:made staff#1', 'lock:created accounts.json.lock#1', 'atomic:temp-synced accounts.json#1', 'atomic:renamed accounts.json#1', 'lock:removed accounts.json.lock#1']));
    const failures: string[] = [];
    for (const label of labels) {
      rmSync(state, { recursive: true, force: true });
      mkdirSync(state, { recursive: true });
      const killed = await runCrashCli(null, label, addArgs(), { input: twice(SECRET), env });
      if (killed.signal !== 'SIGKILL') failures.push(`${label}: not killed (${killed.code} ${killed.stderr})`);
      const before = runCli(listArgs(), { env });
      if (before.code !== 0) failures.push(`${label}: staff list after the kill: ${before.stderr}`);
      const again = runCli(addArgs(), { input: twice(SECRET), env });
      if (again.code !== 0 && !/already exists/.test(again.stderr)) failures.push(`${label}: adding again: ${again.stderr}`);
      const after = runCli(listArgs(), { env });
      const ids = after.code === 0 ? (JSON.parse(after.stdout) as { id: string }[]).map((a) => a.id) : [after.stderr];
      if (ids.join() !== 'lan.nt') failures.push(`${label}: accounts ${ids.join()}`);
      const verified = await verifyAuditLog(state, null);
      if (!verified.ok) failures.push(`${label}: audit verify ${JSON.stringify(verified.problems)}`);
    }
    console.log(`staff add: ${labels.length} crash points`);
    expect(failures).toEqual([]);
  }, 600_000);
});
