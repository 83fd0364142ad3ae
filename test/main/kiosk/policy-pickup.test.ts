import { describe, expect, it } from 'vitest';
import type { MachinePolicyPort } from '../../../main/kiosk/policy-pickup';
import type { StaffPort } from '../../../main/kiosk/staff-desk';
import type { MachinePolicyObservation } from '../../../src/policy-pickup/decide';
import { makeShell, settle } from './harness';

const OLD = 'a'.repeat(64);
const NEW = 'b'.repeat(64);
const BAD = 'c'.repeat(64);

/** A machine policy file the test edits, and what the kiosk recorded and did about it. */
function machineFile(initial = OLD) {
  let seen: MachinePolicyObservation = { state: 'present', hash: initial };
  const validity = new Map<string, string[] | null>([[OLD, null], [NEW, null], [BAD, ['/etc/public-kiosk/policy.yaml:3:5 sites.allow: allowlist mode with no allowed sites']]]);
  const records: { event: string; hash: string }[] = [];
  const relaunches: string[] = [];
  const keptRunning: string[] = [];
  const keptCopies: string[] = [];
  const port: MachinePolicyPort = {
    // The fake file's bytes are its hash's text: what is judged and kept must be what was read.
    observe: async () => (seen.state === 'present' ? { ...seen, bytes: Buffer.from(seen.hash) } : seen),
    validate: (content) => {
      const known = content === null || validity.has(content.toString());
      const problems = !known ? ['unknown content'] : content === null ? null : (validity.get(content.toString()) ?? null);
      return problems ? { ok: false, problems } : { ok: true };
    },
    record: async (r) => void records.push({ event: r.event, hash: r.hash }),
    keepApplied: async (content) => void keptCopies.push(content?.toString() ?? '(none)'),
    relaunch: async (hash) => void relaunches.push(`policy:${hash}`),
    /** `kept`: the running policy's copy; a hash: the copy of what was just applied; or the machine file. */
    relaunchOn: async (hash) => void keptRunning.push(hash === null ? 'machine-file' : hash === initial ? 'kept' : hash),
    runningHash: initial,
    rejectedHash: null,
    settleMs: 5_000,
    intervalMs: 30_000,
  };
  return { port, records, relaunches, keptRunning, keptCopies, set: (next: MachinePolicyObservation) => void (seen = next) };
}

const staffAn: StaffPort = {
  signIn: async () => ({ ok: true, staff: { staffId: 'an', displayName: 'An', role: 'admin', mustChangePassword: false } }),
  changePassword: async () => ({ ok: true }),
  authorizeAction: async () => ({ allowed: true }),
};

describe('central policy pick-up, through the kiosk wiring', () => {
  it('a valid change on the welcome screen: recorded with its hash, then the kiosk relaunches onto it', async () => {
    const file = machineFile();
    const k = makeShell({ machinePolicy: file.port });
    await k.start(null);
    file.set({ state: 'present', hash: NEW });
    await k.clock.advance(30_000); // seen: waits for the file to settle
    expect(file.relaunches).toEqual([]);
    await k.clock.advance(30_000);
    await settle();
    expect(file.records).toEqual([{ event: 'applied', hash: NEW }]);
    expect(file.relaunches).toEqual([`policy:${NEW}`]);
    expect(k.relaunches).toEqual([]); // not a shift-wipe relaunch
  });

  it('never during a citizen session: the change waits for the session to end, then applies', async () => {
    const file = machineFile();
    const k = makeShell({ machinePolicy: file.port });
    await k.start(null);
    await k.handlers['kiosk:start-session'](null);
    file.set({ state: 'present', hash: NEW });
    await k.clock.advance(120_000);
    expect(file.records).toEqual([]);
    expect(file.relaunches).toEqual([]);
    await k.handlers['kiosk:end-session']();
    await settle();
    await settle();
    expect(k.window.last?.state).toBe('welcome');
    expect(file.records).toEqual([{ event: 'applied', hash: NEW }]);
    expect(file.relaunches).toEqual([`policy:${NEW}`]);
  });

  it('an invalid change: the running policy stays, rejected is recorded once, staff see the problems', async () => {
    const file = machineFile();
    const k = makeShell({ machinePolicy: file.port, staff: staffAn });
    await k.start(null);
    file.set({ state: 'present', hash: BAD });
    await k.clock.advance(300_000);
    await settle();
    expect(file.records).toEqual([{ event: 'rejected', hash: BAD }]);
    expect(file.relaunches).toEqual([]);
    expect(k.window.last?.state).toBe('welcome');
    expect(k.window.last?.services.length).toBeGreaterThan(0); // still serving on the old policy
    expect(k.window.last?.policyRejected).toBeUndefined(); // not for citizens' eyes
    await k.handlers['staff:sign-in']('an', 'x', null);
    expect(k.window.last?.policyRejected?.problems).toEqual(['/etc/public-kiosk/policy.yaml:3:5 sites.allow: allowlist mode with no allowed sites']);
    // Fixed by the next GPO run: applied, the report cleared.
    file.set({ state: 'present', hash: NEW });
    await k.clock.advance(60_000);
    await settle();
    expect(file.records).toEqual([{ event: 'rejected', hash: BAD }, { event: 'applied', hash: NEW }]);
    expect(file.relaunches).toEqual([`policy:${NEW}`]);
    expect(k.window.last?.policyRejected).toBeUndefined();
  });

  it('a file caught half-written is neither applied nor rejected; the finished file is', async () => {
    const file = machineFile();
    const k = makeShell({ machinePolicy: file.port });
    await k.start(null);
    file.set({ state: 'changing' });
    await k.clock.advance(30_000);
    file.set({ state: 'present', hash: BAD }); // half of the new YAML: different content each look
    await k.clock.advance(3_000);
    file.set({ state: 'present', hash: NEW });
    await k.clock.advance(27_000);
    expect(file.records).toEqual([]);
    await k.clock.advance(30_000);
    await settle();
    expect(file.records).toEqual([{ event: 'applied', hash: NEW }]);
  });

  it('the shift wipe is a safe point: a changed file is judged before the relaunch, which takes it up', async () => {
    const file = machineFile();
    const k = makeShell({ machinePolicy: file.port });
    await k.start(null);
    await k.clock.advanceTo(new Date('2025-06-02T11:29:00+07:00'));
    await k.handlers['kiosk:start-session'](null);
    file.set({ state: 'present', hash: BAD });
    await k.clock.advance(59_000);
    expect(file.records).toEqual([]); // settled, but a citizen is in session
    await k.clock.advance(61_000); // 11:30 and its 60 s countdown: the session ends into the shift wipe
    await settle();
    expect(k.relaunches).toEqual(['shift-end']);
    expect(file.records).toEqual([{ event: 'rejected', hash: BAD }]);
    expect(file.relaunches).toEqual([]); // one relaunch, the shift wipe's
    expect(file.keptRunning).toEqual(['kept']); // …which keeps the running policy, not the rejected file
  });

  it('a valid change judged at the shift wipe: recorded, kept as the copy, and the shift relaunch runs on exactly those bytes', async () => {
    const file = machineFile();
    const k = makeShell({ machinePolicy: file.port });
    await k.start(null);
    await k.clock.advanceTo(new Date('2025-06-02T11:29:00+07:00'));
    await k.handlers['kiosk:start-session'](null);
    file.set({ state: 'present', hash: NEW });
    await k.clock.advance(120_000);
    await settle();
    expect(k.relaunches).toEqual(['shift-end']);
    expect(file.records).toEqual([{ event: 'applied', hash: NEW }]);
    expect(file.keptCopies).toEqual([NEW]);
    expect(file.keptRunning).toEqual([NEW]);
    expect(file.relaunches).toEqual([]);
  });

  it('a change too fresh to judge at the shift wipe is not loaded unjudged: the relaunch keeps the running policy', async () => {
    const file = machineFile();
    const k = makeShell({ machinePolicy: file.port });
    await k.start(null);
    await k.clock.advanceTo(new Date('2025-06-02T11:29:00+07:00'));
    await k.handlers['kiosk:start-session'](null);
    await k.clock.advance(118_000);
    file.set({ state: 'present', hash: NEW });
    await k.clock.advance(2_000);
    await settle();
    expect(k.relaunches).toEqual(['shift-end']);
    expect(file.records).toEqual([]);
    expect(file.keptRunning).toEqual(['kept']);
  });

  it('the same rejected content found again after a restart is not reported twice', async () => {
    const file = machineFile();
    const k = makeShell({ machinePolicy: { ...file.port, rejectedHash: BAD } });
    await k.start(null);
    file.set({ state: 'present', hash: BAD });
    await k.clock.advance(300_000);
    expect(file.records).toEqual([]);
  });
});
