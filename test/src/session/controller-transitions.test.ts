import { describe, expect, it } from 'vitest';
import { createSessionCanaries } from '../../../src/wipe/canaries';
import { normalizeSessionId, partitionFolderName } from '../../../src/wipe/targets';
import { settle } from './support/fake-clock';
import { hcm, type Kiosk, makeKiosk } from './support/kiosk-harness';

/** Friday's 17:00 end was wiped: a Monday-morning start owes nothing. */
const wipedFriday = { at: hcm('17:01', '2025-05-30').toISOString(), coveredShiftEnd: hcm('17:00', '2025-05-30').toISOString() };

async function atWelcome(): Promise<Kiosk> {
  const kiosk = makeKiosk({ lastShiftWipe: wipedFriday });
  await kiosk.started();
  expect(kiosk.state()).toBe('welcome');
  return kiosk;
}

describe('session controller: the main cycle', () => {
  it('starts in "starting", then shows welcome when no shift wipe is owed', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday });
    expect(kiosk.controller.status()).toEqual({ state: 'starting' });
    await kiosk.started();
    expect(kiosk.controller.status()).toEqual({ state: 'welcome' });
    expect(kiosk.shiftWipes).toEqual([]);
  });

  it('welcome → in-session: a new session with its own random partition, downloads folder and canaries', async () => {
    const kiosk = await atWelcome();
    const result = kiosk.controller.startSession(2);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { session } = result;
    expect(session.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(session.partition).toBe(session.id); // in memory: no persist: prefix
    expect(session.downloadsFolderName).toBe(session.id);
    expect(session.canaries).toEqual({ sessionId: session.id, marker: `canary-${session.id}` });
    expect(session.serviceIndex).toBe(2);
    expect(kiosk.state()).toBe('in-session');
    expect(kiosk.controller.session()).toBe(session);
  });

  it('in-session → ending (End pressed) → welcome after the session wipe, which the welcome screen confirms', async () => {
    const kiosk = await atWelcome();
    kiosk.nextWipes('hold');
    const started = kiosk.controller.startSession();
    expect(kiosk.controller.endSession()).toBe(true);
    expect(kiosk.controller.status()).toEqual({ state: 'ending', wipe: { scope: 'session', phase: 'running' } });
    expect(kiosk.sessionWipes).toHaveLength(1);
    expect(kiosk.sessionWipes[0]?.trigger).toBe('end-button');
    expect(started.ok && kiosk.sessionWipes[0]?.session.id === started.session.id).toBe(true);
    await kiosk.release();
    expect(kiosk.controller.status()).toEqual({ state: 'welcome', wipe: { scope: 'session', phase: 'succeeded' } });
    expect(kiosk.controller.session()).toBeNull();
    kiosk.controller.startSession();
    expect(kiosk.controller.status()).toEqual({ state: 'in-session' });
  });

  it('fits the wipe engine: its canaries and session targets accept the session id', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, options: { partitionPrefix: 'persist:' } });
    await kiosk.started();
    const result = kiosk.controller.startSession();
    if (!result.ok) throw new Error('session did not start');
    const canaries = createSessionCanaries(result.session.id);
    expect(canaries.sessionId).toBe(result.session.id);
    expect(normalizeSessionId(result.session.partition)).toBe(result.session.id);
    expect(partitionFolderName(result.session.partition)).toBe(result.session.id.toLowerCase());
  });

  it('never reuses a partition name: every session of a long day gets a new one', async () => {
    const kiosk = await atWelcome();
    const partitions = new Set<string>();
    for (let i = 0; i < 50; i += 1) {
      const result = kiosk.controller.startSession();
      if (result.ok) partitions.add(result.session.partition);
      kiosk.controller.endSession();
      await settle();
    }
    expect(partitions.size).toBe(50);
  });

  it('refuses a repeated id from a broken id source and goes out of service instead', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, newSessionId: () => '0123456789abcdef-same' });
    await kiosk.started();
    expect(kiosk.controller.startSession().ok).toBe(true);
    kiosk.controller.endSession();
    await settle();
    expect(kiosk.controller.startSession()).toEqual({ ok: false, reason: 'internal-error' });
    expect(kiosk.controller.status()).toMatchObject({ state: 'out-of-service', outOfService: { reason: 'internal-error' } });
  });

  it('a browser crash in session ends the session and wipes it', async () => {
    const kiosk = await atWelcome();
    kiosk.controller.startSession();
    kiosk.controller.browserCrashed();
    await settle();
    expect(kiosk.sessionWipes.map((w) => w.trigger)).toEqual(['browser-crash']);
    expect(kiosk.state()).toBe('welcome');
  });

  it('start-up with a fault reported by the glue is out of service until a wipe succeeds', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday });
    await kiosk.controller.start('journal-unfinished');
    expect(kiosk.controller.status()).toEqual({
      state: 'out-of-service',
      outOfService: { reason: 'journal-unfinished', since: hcm('09:00').toISOString() },
    });
    expect(kiosk.controller.startSession()).toEqual({ ok: false, reason: 'not-ready' });
    await kiosk.clock.advance(60_000); // first automatic recovery attempt
    expect(kiosk.shiftWipes.map((w) => w.trigger)).toEqual(['recovery']);
    expect(kiosk.state()).toBe('welcome');
  });

  it('staff can force a full wipe from welcome, from a session (ending it first) and out of service', async () => {
    const kiosk = await atWelcome();
    expect(kiosk.controller.forceWipe()).toBe(true);
    await settle();
    expect(kiosk.shiftWipes.map((w) => w.trigger)).toEqual(['staff']);
    kiosk.controller.startSession();
    kiosk.controller.forceWipe();
    await settle();
    expect(kiosk.sessionWipes.map((w) => w.trigger)).toEqual(['staff']);
    expect(kiosk.shiftWipes.map((w) => w.trigger)).toEqual(['staff', 'staff']);
    kiosk.controller.reportFault('internal-error');
    kiosk.controller.forceWipe();
    await settle();
    expect(kiosk.shiftWipes).toHaveLength(3);
    expect(kiosk.state()).toBe('welcome');
  });
});

describe('session controller: start-up', () => {
  it('a second start() changes nothing and does not double the 30 s checks', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday });
    await kiosk.started();
    const timers = kiosk.clock.pendingTimers;
    await kiosk.controller.start();
    expect(kiosk.clock.pendingTimers).toBe(timers);
    expect(kiosk.events.filter((e) => e.event.type === 'booted')).toHaveLength(1);
  });

  it('a fault reported before start() keeps the kiosk out of service through start-up', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday });
    kiosk.controller.reportFault('journal-unfinished');
    await kiosk.started();
    expect(kiosk.controller.status()).toMatchObject({ state: 'out-of-service', outOfService: { reason: 'journal-unfinished' } });
    expect(kiosk.events.at(-1)).toMatchObject({ event: { type: 'booted' }, ignored: true });
  });
});
