import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SignInResult } from '../../../src/ipc/contract';
import { StaffAccess } from '../../../src/staff/staff-access';
import { StaffAdmin } from '../../../src/staff/staff-admin';
import { SIGN_IN_DELAY } from '../../../src/staff/sign-in-delay';
import { addAccountWithOwnSecret, staffFixture, type StaffFixture } from '../../src/staff/fakes';
import { makeShell } from './harness';

/**
 * A citizen at the welcome screen types wrong staff sign-ins through the same IPC handler the staff
 * form calls, against the real StaffAccess on a real state root, with a fake clock (no real waiting).
 */
let fixture: StaffFixture;
const password = 'Tr0ng-Dong-77';

beforeEach(async () => {
  fixture = staffFixture();
  await addAccountWithOwnSecret(fixture.deps, { id: 'lan.nt', displayName: 'Nguyễn Thị Lan', role: 'staff', kind: 'password' }, password);
  fixture.audit.records.length = 0;
});
afterEach(() => fixture.cleanup());

async function screen() {
  const kiosk = makeShell({ staff: new StaffAccess(fixture.deps) });
  await kiosk.start(null);
  return (id: string, secret: string): Promise<SignInResult> => kiosk.handlers['staff:sign-in'](id, secret, null);
}

/**
 * Types `tries` wrong sign-ins; whenever the kiosk says to wait, waits (on the fake clock) exactly as
 * long as it said and types again. Returns each checked answer and each wait it was told.
 */
async function wrongTries(signIn: (id: string, secret: string) => Promise<SignInResult>, ids: string[], tries: number) {
  const answers: SignInResult[] = [];
  const waits: number[] = [];
  while (answers.length < tries) {
    const result = await signIn(ids[answers.length % ids.length] ?? '', `Wrong-Guess-${answers.length}`);
    if (!result.ok && result.reason === 'locked') {
      waits.push(result.retryAfterSeconds ?? -1);
      fixture.clock.advance(result.retryAfterSeconds ?? 0);
      continue;
    }
    answers.push(result);
  }
  return { answers, waits };
}

describe('no lockout a citizen can cause', () => {
  it('50 wrong tries from the screen, then the right password succeeds once the delay has passed; one audit record for the burst', async () => {
    const signIn = await screen();
    const ids = ['lan.nt', 'ghost.id', 'Tr0ng-Dong-77'];
    const { answers, waits } = await wrongTries(signIn, ids, 50);
    expect(answers).toEqual(Array(50).fill({ ok: false, reason: 'invalid' }));
    // 1 s doubling, capped at 5 min: the tries were slowed down, never refused for good.
    expect(waits.slice(0, 10)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300]);
    expect(Math.max(...waits)).toBe(SIGN_IN_DELAY.maxSeconds);
    expect(waits).toHaveLength(49);

    const early = await signIn('lan.nt', password);
    expect(early).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 300 });
    fixture.clock.advance(300);
    expect(await signIn('lan.nt', password)).toMatchObject({ ok: true, staff: { staffId: 'lan.nt' } });

    expect(fixture.audit.staff()).toEqual(['(burst) sign-in failure', 'lan.nt sign-in success']);
    expect(fixture.audit.records[0]).toMatchObject({ failures: 50, idsTried: [expect.stringMatching(/^[a-f0-9]{16}$/), expect.any(String), expect.any(String)] });
    const tags = await new StaffAdmin(fixture.deps).list();
    expect((fixture.audit.records[0] as { idsTried: string[] }).idsTried[0]).toBe(tags[0]?.idTag);
    expect(JSON.stringify(fixture.audit.records)).not.toMatch(/Wrong-Guess|Tr0ng|ghost/);
  });

  it('an unknown id and a known one get the same answers and the same delays', async () => {
    const known = await wrongTries(await screen(), ['lan.nt'], 12);
    const knownState = readFileSync(path.join(fixture.stateRoot, 'staff', 'sign-in-delay.json'), 'utf8');
    fixture.cleanup();
    fixture = staffFixture();
    await addAccountWithOwnSecret(fixture.deps, { id: 'lan.nt', displayName: 'Nguyễn Thị Lan', role: 'staff', kind: 'password' }, password);
    const unknown = await wrongTries(await screen(), ['ghost.id'], 12);
    expect(unknown).toEqual(known);
    // The same state written (the id's hash aside): the kiosk keeps nothing else about which id it was.
    const unknownState = readFileSync(path.join(fixture.stateRoot, 'staff', 'sign-in-delay.json'), 'utf8');
    expect(unknownState.replace(/[a-f0-9]{16}/g, 'TAG')).toEqual(knownState.replace(/[a-f0-9]{16}/g, 'TAG'));
  });

  it('while the delay runs an attempt is answered without a check, a record or a write', async () => {
    const signIn = await screen();
    await signIn('lan.nt', 'Wrong-Guess-0');
    const file = path.join(fixture.stateRoot, 'staff', 'sign-in-delay.json');
    const before = readFileSync(file, 'utf8');
    for (let i = 0; i < 20; i += 1) expect(await signIn(i % 2 ? 'lan.nt' : 'ghost.id', password)).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 1 });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(fixture.audit.records).toEqual([]);
  });

  it('failure counts expire: after a quiet spell the burst is audited and a mistake costs a second again', async () => {
    const signIn = await screen();
    await wrongTries(signIn, ['lan.nt'], 6);
    fixture.clock.advance(SIGN_IN_DELAY.forgetAfterSeconds);
    await new StaffAccess(fixture.deps).settleFailures();
    expect(fixture.audit.staff()).toEqual(['(burst) sign-in failure']);
    expect(fixture.audit.records[0]).toMatchObject({ failures: 6 });
    expect(await signIn('lan.nt', 'Wrong-Guess-again')).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn('lan.nt', password)).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 1 });
  });

  it('staff unlock ends the delay at once; a damaged delay file delays at most the longest delay', async () => {
    const signIn = await screen();
    await wrongTries(signIn, ['lan.nt'], 9);
    expect(await signIn('lan.nt', password)).toMatchObject({ reason: 'locked', retryAfterSeconds: 256 });
    await new StaffAdmin(fixture.deps).unlock('lan.nt');
    expect(await signIn('lan.nt', password)).toMatchObject({ ok: true });
    expect(fixture.audit.staff()).toEqual(['(burst) sign-in failure', 'lan.nt unlocked success', 'lan.nt sign-in success']);

    writeFileSync(path.join(fixture.stateRoot, 'staff', 'sign-in-delay.json'), '{"failures": "edited by hand"');
    const damaged = await signIn('lan.nt', password);
    expect(damaged).toMatchObject({ ok: false, reason: 'locked' });
    expect(damaged.ok ? 0 : damaged.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_DELAY.maxSeconds);
    await new StaffAdmin(fixture.deps).unlock('lan.nt');
    expect(await signIn('lan.nt', password)).toMatchObject({ ok: true });
  });
});
