import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdKioskLock } from '../../../main/kiosk/liveness';
import { FakeClock } from '../../src/session/support/fake-clock';

let stateRoot: string;
beforeEach(async () => {
  stateRoot = await mkdtemp(path.join(tmpdir(), 'pk-liveness-'));
});
afterEach(async () => {
  await rm(stateRoot, { recursive: true, force: true });
});

const lockFile = () => path.join(stateRoot, 'kiosk.lock');

describe('holdKioskLock', () => {
  it('takes the lock as the kiosk, heartbeats the pending-wipe time, and releases it', async () => {
    const clock = new FakeClock(new Date('2025-06-02T09:00:00+07:00'));
    let pending: string | null = null;
    const held = await holdKioskLock({ stateRoot, clock, pendingSince: () => pending, onLost: () => undefined, log: () => undefined });
    const first = JSON.parse(await readFile(lockFile(), 'utf8'));
    expect(first).toMatchObject({ role: 'kiosk', pid: process.pid, dueWipePendingSince: null });
    pending = '2025-06-02T04:30:00.000Z';
    await clock.advance(15_000);
    await vi.waitFor(async () => expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ token: first.token, dueWipePendingSince: pending }));
    await held.release();
    await expect(readFile(lockFile(), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports a lock another process took over', async () => {
    const clock = new FakeClock(new Date('2025-06-02T09:00:00+07:00'));
    let lost = 0;
    const held = await holdKioskLock({ stateRoot, clock, pendingSince: () => null, onLost: () => void (lost += 1), log: () => undefined });
    const record = JSON.parse(await readFile(lockFile(), 'utf8'));
    await writeFile(lockFile(), JSON.stringify({ ...record, role: 'os-wipe', token: 'someone-else' }));
    await clock.advance(15_000);
    await vi.waitFor(() => expect(lost).toBe(1));
    await held.release();
    expect(JSON.parse(await readFile(lockFile(), 'utf8')).token).toBe('someone-else');
  });
});
