import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planKioskBoot } from '../../../main/kiosk/kiosk-boot';
import { lastAppliedCopy, machinePolicyAtBoot } from '../../../main/kiosk/machine-policy';
import { newestAppliedPolicyHash } from '../../../src/policy-pickup/last-applied';
import { verifyAuditLog } from '../../../src/audit/verify-log';
import { openAuditLog } from '../../../src/audit/audit-log';
import { observeMachinePolicy } from '../../../src/policy-pickup/observe';

let base: string;
afterEach(() => rmSync(base, { recursive: true, force: true }));
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const roots = (dir: string) => `paths:\n  sessionData: ${dir}/session-data\n  downloads: ${dir}/downloads\n  state: ${dir}/state\n`;

/** A machine policy file naming a state root under `base`, that state root's real audit log, and a kiosk start on them. */
function setup() {
  base = mkdtempSync(path.join(tmpdir(), 'pk-boot-'));
  const state = path.join(base, 'state');
  mkdirSync(state);
  const machineFile = path.join(base, 'policy.yaml');
  const good = `${roots(base)}session:\n  idleTimeoutSeconds: 300\n`;
  writeFileSync(machineFile, good);
  const audit = openAuditLog(state, null);
  const records = () => readFileSync(path.join(state, 'audit.log'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { rec: { type: string; event: string; hash: string } }).rec);
  const relaunches: (string | null)[] = [];
  const shiftRelaunches: (string | null)[] = [];
  /** What main/index.ts does at a start: the boot plan, then the pick-up port on its state root. */
  const start = async (argv: string[] = ['exe', '.']) => {
    const boot = await planKioskBoot({
      argv, env: {}, platform: 'linux', machineFile, observe: observeMachinePolicy,
      newestAppliedHash: newestAppliedPolicyHash,
      auditLogVerifies: async (root) => (await verifyAuditLog(root, null)).ok,
    });
    const port = boot.plan.roots
      ? await machinePolicyAtBoot({
          machineFile, running: boot.running, standIn: boot.standIn, observe: observeMachinePolicy, validate: () => ({ ok: true }),
          stateRoot: boot.plan.roots.state, audit, relaunch: (hash) => void relaunches.push(hash), relaunchOnCopy: (hash) => void shiftRelaunches.push(hash),
          now: () => new Date('2025-06-02T02:00:00.000Z'), log: () => undefined,
        })
      : null;
    return { boot, port };
  };
  const relaunchArgv = (hash: string) => ['exe', '.', `--last-applied-policy=${hash}`];
  return { state, machineFile, good, records, relaunches, shiftRelaunches, start, relaunchArgv };
}

describe('the machine policy at kiosk start (real files, real audit log)', () => {
  it('records the running hash once as applied and keeps an exact copy of what runs', async () => {
    const t = setup();
    const { port } = await t.start();
    expect(port?.runningHash).toBe(sha(t.good));
    await t.start(); // a plain restart: nothing new to record
    expect(t.records()).toEqual([{ type: 'policy', at: '2025-06-02T02:00:00.000Z', event: 'applied', hash: sha(t.good) }]);
    expect(readFileSync(lastAppliedCopy(t.state), 'utf8')).toBe(t.good);
  });

  it('a rejected file at the shift relaunch: the relaunch runs on the copy, vouched for by the machine file\'s state root, without a new record', async () => {
    const t = setup();
    const { port } = await t.start();
    const rejected = `${roots(base)}session:\n  idleTimeoutSeconds: 5\n`;
    writeFileSync(t.machineFile, rejected);
    await port?.record({ type: 'policy', at: '2025-06-02T03:00:00.000Z', event: 'rejected', hash: sha(rejected) });
    await port?.relaunchOn(sha(t.good));
    expect(t.shiftRelaunches).toEqual([sha(t.good)]);
    const plain = await t.start();
    expect(plain.boot.plan.policy).toBeNull(); // the machine file alone would not load
    const relaunched = await t.start(t.relaunchArgv(sha(t.good)));
    expect(relaunched.boot).toMatchObject({ standIn: true, refused: null });
    expect(relaunched.boot.plan.policy?.session.idleTimeoutSeconds).toBe(300);
    expect(relaunched.port?.runningHash).toBe(sha(t.good));
    expect(relaunched.port?.rejectedHash).toBe(sha(rejected));
    expect(t.records().map((r) => r.event)).toEqual(['applied', 'rejected']);
  });

  it('a pick-up applies exactly the bytes validated: kept as the copy and relaunched on, whatever the file is now', async () => {
    const t = setup();
    const { port } = await t.start();
    const next = `${roots(base)}session:\n  idleTimeoutSeconds: 600\n`;
    await port?.keepApplied(Buffer.from(next));
    await port?.record({ type: 'policy', at: '2025-06-02T03:00:00.000Z', event: 'applied', hash: sha(next) });
    await port?.relaunch(sha(next));
    expect(t.relaunches).toEqual([sha(next)]);
    writeFileSync(t.machineFile, `${roots(base)}session:\n  idleTimeoutSeconds: 5\n`); // changed again after the check: not what the relaunch runs
    const relaunched = await t.start(t.relaunchArgv(sha(next)));
    expect(relaunched.boot.refused).toBeNull();
    expect(relaunched.boot.plan.policy?.session.idleTimeoutSeconds).toBe(600);
  });

  it('nothing changed, or a copy that is not what runs: the shift relaunch loads the machine file', async () => {
    const t = setup();
    const { port } = await t.start();
    await port?.relaunchOn(null);
    writeFileSync(lastAppliedCopy(t.state), 'session:\n  idleTimeoutSeconds: 999\n'); // tampered or stale
    await port?.relaunchOn(sha(t.good));
    expect(t.shiftRelaunches).toEqual([null, null]);
  });

  it('no machine file: nothing to copy, the empty hash runs, and a relaunch on "no machine file" is vouched for too', async () => {
    const t = setup();
    rmSync(t.machineFile); // the defaults' state root is asked: a development --policy points it here
    const dev = path.join(base, 'dev.yaml');
    writeFileSync(dev, roots(base));
    const { port } = await t.start(['exe', '.', '--policy', dev]);
    expect(port?.runningHash).toBe(sha(''));
    expect(existsSync(lastAppliedCopy(t.state))).toBe(false);
    await port?.relaunchOn(sha(''));
    expect(t.shiftRelaunches).toEqual([sha('')]); // a missing copy = no machine layer, as now
    const relaunched = await t.start(['exe', '.', '--policy', dev, `--last-applied-policy=${sha('')}`]);
    expect(relaunched.boot).toMatchObject({ standIn: true, refused: null });
  });
});

describe('a relaunch onto a copy nobody can vouch for starts out of service (policy-invalid)', () => {
  it('the forged folder: a copy naming its own state root, beside a forged log, is never looked at', async () => {
    const t = setup();
    await t.start();
    // The attack on the old environment hand-off: a folder with a copy of a weakened policy whose
    // paths.state points at that same folder, and an unkeyed log saying it was applied.
    const forged = path.join(base, 'forged');
    mkdirSync(path.join(forged, 'state'), { recursive: true });
    const weak = `${roots(forged)}sites:\n  mode: blocklist\n`;
    writeFileSync(lastAppliedCopy(path.join(forged, 'state')), weak);
    await openAuditLog(path.join(forged, 'state'), null).append({ type: 'policy', at: '2025-06-02T02:00:00.000Z', event: 'applied', hash: sha(weak) });
    const relaunched = await t.start(t.relaunchArgv(sha(weak)));
    expect(relaunched.boot.refused).toBe('the last-applied copy is not the policy the relaunch asked for');
    expect(relaunched.boot.standIn).toBe(false);
    expect(relaunched.boot.plan.policy?.sites.mode).not.toBe('blocklist');
    expect(relaunched.boot.plan.roots?.state).toBe(t.state); // the machine file's roots, for the out-of-service record
  });

  it('the forged copy written into the real state root: its hash is not the newest applied record', async () => {
    const t = setup();
    await t.start();
    const weak = `${roots(base)}sites:\n  mode: blocklist\n`;
    writeFileSync(lastAppliedCopy(t.state), weak);
    const relaunched = await t.start(t.relaunchArgv(sha(weak)));
    expect(relaunched.boot.refused).toBe('not the last applied policy');
  });

  it('a copy that names another state root than the machine file does: refused', async () => {
    const t = setup();
    const elsewhere = `${roots(path.join(base, 'other'))}`;
    writeFileSync(lastAppliedCopy(t.state), elsewhere);
    await openAuditLog(t.state, null).append({ type: 'policy', at: '2025-06-02T02:00:00.000Z', event: 'applied', hash: sha(elsewhere) });
    const relaunched = await t.start(t.relaunchArgv(sha(elsewhere)));
    expect(relaunched.boot.refused).toBe('the last-applied copy names another state root');
  });

  it('an audit log that does not verify (its applied record forged or edited): refused', async () => {
    const t = setup();
    await t.start();
    const log = path.join(t.state, 'audit.log');
    writeFileSync(log, readFileSync(log, 'utf8').replace('"event":"applied"', '"event":"applied" '));
    const relaunched = await t.start(t.relaunchArgv(sha(t.good)));
    expect(relaunched.boot.refused).toBe('the audit log does not verify');
  });

  it('the machine file does not load: the built-in defaults\' state root is the one asked, not the copy\'s', async () => {
    const t = setup();
    await t.start();
    writeFileSync(t.machineFile, 'sites: [broken');
    const relaunched = await t.start(t.relaunchArgv(sha(t.good)));
    // The defaults' state root (/var/lib/public-kiosk/state) holds no such copy: refused, not trusted.
    expect(relaunched.boot.refused).not.toBeNull();
    expect(existsSync(lastAppliedCopy(t.state))).toBe(true);
  });
});
