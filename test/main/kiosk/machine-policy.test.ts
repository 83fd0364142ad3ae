import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lastAppliedCopy, machinePolicyAtBoot, UntrustedStandInError, type MachinePolicyBoot } from '../../../main/kiosk/machine-policy';
import { verifyAuditLog } from '../../../src/audit/verify-log';
import { openAuditLog } from '../../../src/audit/audit-log';
import { loadPolicy, MACHINE_POLICY_OVERRIDE_ENV } from '../../../src/policy/load';
import { observeMachinePolicy } from '../../../src/policy-pickup/observe';

let base: string;
afterEach(() => rmSync(base, { recursive: true, force: true }));
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const good = 'session:\n  idleTimeoutSeconds: 300\n';

function setup() {
  base = mkdtempSync(path.join(tmpdir(), 'pk-boot-'));
  const state = path.join(base, 'state');
  mkdirSync(state);
  const machineFile = path.join(base, 'policy.yaml');
  writeFileSync(machineFile, good);
  const audit = openAuditLog(state, null);
  const records = () => readFileSync(path.join(state, 'audit.log'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { rec: { type: string; event: string; hash: string } }).rec);
  const standIns: (string | null)[] = [];
  const boot = async (fileInUse = machineFile): Promise<ReturnType<typeof machinePolicyAtBoot>> => {
    const options: MachinePolicyBoot = {
      fileInUse, machineFile, observedAtBoot: await observeMachinePolicy(fileInUse), observe: observeMachinePolicy,
      validate: () => ({ ok: true }), stateRoot: state, audit, relaunch: () => undefined,
      standInForRelaunch: (copy) => void standIns.push(copy), now: () => new Date('2025-06-02T02:00:00.000Z'),
      auditLogVerifies: async () => (await verifyAuditLog(state, null)).ok,
    };
    return machinePolicyAtBoot(options);
  };
  return { state, machineFile, records, standIns, boot };
}

describe('the machine policy at kiosk start (real files, real audit log)', () => {
  it('records the running hash once as applied and keeps an exact copy of what runs', async () => {
    const t = setup();
    const port = await t.boot();
    expect(port.runningHash).toBe(sha(good));
    await t.boot(); // a plain restart: nothing new to record
    expect(t.records()).toEqual([{ type: 'policy', at: '2025-06-02T02:00:00.000Z', event: 'applied', hash: sha(good) }]);
    expect(readFileSync(lastAppliedCopy(t.state), 'utf8')).toBe(good);
  });

  it('a rejected file at the shift relaunch: the copy stands in, the relaunched kiosk runs it without a new record', async () => {
    const t = setup();
    const port = await t.boot();
    writeFileSync(t.machineFile, 'session:\n  idleTimeoutSeconds: 5\n');
    await port.record({ type: 'policy', at: '2025-06-02T03:00:00.000Z', event: 'rejected', hash: sha('session:\n  idleTimeoutSeconds: 5\n') });
    await port.relaunchKeepsRunningPolicy(true);
    const copy = lastAppliedCopy(t.state);
    expect(t.standIns).toEqual([copy]);
    // The relaunched process loads the copy in place of the machine file…
    const loaded = loadPolicy({ env: { [MACHINE_POLICY_OVERRIDE_ENV]: copy }, platform: 'linux' });
    const direct = loadPolicy({ machineFile: t.machineFile, env: {}, platform: 'linux' });
    expect(direct.ok).toBe(false);
    expect(loaded.ok && loaded.sources).toContain(copy);
    // …and, booting on it, records nothing and still knows the file is rejected.
    const relaunched = await t.boot(copy);
    expect(relaunched.runningHash).toBe(sha(good));
    expect(relaunched.rejectedHash).toBe(sha('session:\n  idleTimeoutSeconds: 5\n'));
    expect(t.records().map((r) => r.event)).toEqual(['applied', 'rejected']);
  });

  it('a valid file at the shift relaunch, or a copy that is not what runs: the machine file itself is loaded', async () => {
    const t = setup();
    const port = await t.boot();
    await port.relaunchKeepsRunningPolicy(false);
    writeFileSync(lastAppliedCopy(t.state), 'session:\n  idleTimeoutSeconds: 999\n'); // tampered or stale
    await port.relaunchKeepsRunningPolicy(true);
    expect(t.standIns).toEqual([null, null]);
  });

  it('no machine file: nothing to copy, and the empty hash runs', async () => {
    const t = setup();
    rmSync(t.machineFile);
    const port = await t.boot();
    expect(port.runningHash).toBe(sha(''));
    expect(existsSync(lastAppliedCopy(t.state))).toBe(false);
    await port.relaunchKeepsRunningPolicy(true);
    expect(t.standIns).toEqual([lastAppliedCopy(t.state)]); // missing copy = no machine layer, as now
  });

  describe('a stand-in named in the environment is trusted only when the kiosk can vouch for it', () => {
    it('any other file: refused, whatever it holds', async () => {
      const t = setup();
      await t.boot();
      const elsewhere = path.join(base, 'machine-policy.last-applied.yaml');
      writeFileSync(elsewhere, good); // the very content that was applied, but not this state root's copy
      await expect(t.boot(elsewhere)).rejects.toBeInstanceOf(UntrustedStandInError);
    });

    it("this state root's copy edited after it was applied: refused", async () => {
      const t = setup();
      await t.boot();
      writeFileSync(lastAppliedCopy(t.state), 'session:\n  idleTimeoutSeconds: 86400\n');
      await expect(t.boot(lastAppliedCopy(t.state))).rejects.toThrow(/not the last applied policy/);
    });

    it('an audit log that does not verify (its applied record forged or edited): refused', async () => {
      const t = setup();
      await t.boot();
      const log = path.join(t.state, 'audit.log');
      writeFileSync(log, readFileSync(log, 'utf8').replace('"event":"applied"', '"event":"applied" '));
      await expect(t.boot(lastAppliedCopy(t.state))).rejects.toThrow(/does not verify/);
    });
  });
});
