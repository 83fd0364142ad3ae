import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../src/audit/audit-log';
import { readRecentWipes } from '../../../src/audit/recent';
import { readServiceState } from '../../../src/state/service-state';
import { writeJournal, type WipeJournal } from '../../../src/wipe/journal';
import { recoverInterruptedWipe } from '../../../src/wipe/recover';
import { runWipe } from '../../../src/wipe/run-wipe';
import type { WipeDeps } from '../../../src/wipe/types';
import { makeRoots, plant, type TempRoots } from './helpers';

let roots: TempRoots;
afterEach(() => roots?.cleanup());

const deps = (): WipeDeps => ({ roots, credentialServices: [], credentialStore: null, audit: openAuditLog(roots.state, null) });
const journal = (overrides: Partial<WipeJournal> = {}): WipeJournal => ({
  version: 1, wipeId: 'ab'.repeat(16), scope: 'shift', trigger: 'shift-end', sessionId: null, coveredShiftEnd: '2026-01-05T04:30:00.000Z',
  startedAt: '2026-01-05T04:30:01.000Z', roots: { ...roots, extraPaths: [...roots.extraPaths] }, credentialServices: [], ...overrides,
});
const journalFile = () => path.join(roots.state, 'wipe-journal.json');

describe('recoverInterruptedWipe', () => {
  it('does nothing without a journal', async () => {
    roots = makeRoots(0);
    expect(await recoverInterruptedWipe(deps())).toBeNull();
    expect(readdirSync(roots.state)).toEqual([]);
  });

  it('finishes an unrecorded wipe under its own id as startup-recovery, on the roots it started with', async () => {
    roots = makeRoots(1);
    plant(roots.sessionData, { 'Default/Cookies': 'left by the crash' });
    plant(roots.extraPaths[0] as string, { 'scan.jpg': 'j' });
    await writeJournal(roots.state, journal());
    const outcome = await recoverInterruptedWipe({ ...deps(), roots: { ...roots, extraPaths: [] } });
    expect(outcome?.record).toMatchObject({ wipeId: 'ab'.repeat(16), trigger: 'startup-recovery', recoveredTrigger: 'shift-end', result: 'succeeded', filesRemoved: 2 });
    expect(existsSync(journalFile())).toBe(false);
    expect((await readServiceState(roots.state)).lastShiftWipe?.coveredShiftEnd).toBe('2026-01-05T04:30:00.000Z');
  });

  it('only settles a wipe whose record was written before the crash: one record, never two', async () => {
    roots = makeRoots(0);
    const first = await runWipe({ scope: 'shift', trigger: 'manual' }, deps());
    await writeJournal(roots.state, journal({ wipeId: first.record.wipeId as string }));
    const outcome = await recoverInterruptedWipe(deps());
    expect(outcome?.record).toEqual(first.record);
    expect(await readRecentWipes(roots.state, 10)).toHaveLength(1);
    expect(existsSync(journalFile())).toBe(false);
  });

  it('treats an unreadable journal as an unknown wipe: a full shift wipe', async () => {
    roots = makeRoots(0);
    plant(roots.downloads, { 's/f.pdf': 'f' });
    writeFileSync(journalFile(), '{"version":1,"wip');
    const outcome = await recoverInterruptedWipe(deps());
    expect(outcome?.record).toMatchObject({ scope: 'shift', trigger: 'startup-recovery', result: 'succeeded', filesRemoved: 1 });
    expect(readdirSync(roots.downloads)).toEqual([]);
  });

  it('refuses a journal whose roots have become dangerous, and keeps it pending', async () => {
    roots = makeRoots(0);
    await writeJournal(roots.state, journal({ roots: { ...roots, sessionData: roots.state } }));
    await expect(recoverInterruptedWipe(deps())).rejects.toThrow(/same folder/);
    expect((await readServiceState(roots.state)).journalPending).toBe(true);
  });

  it('runWipe finishes a pending wipe before its own', async () => {
    roots = makeRoots(0);
    await writeJournal(roots.state, journal({ scope: 'session', sessionId: 'old-session', trigger: 'idle' }));
    plant(roots.downloads, { 'old-session/f.pdf': 'f' });
    await runWipe({ scope: 'session', trigger: 'session-end', sessionId: 'new-session' }, deps());
    const [latest, recovered] = await readRecentWipes(roots.state, 2);
    expect(recovered).toMatchObject({ trigger: 'startup-recovery', recoveredTrigger: 'idle', filesRemoved: 1 });
    expect(latest).toMatchObject({ trigger: 'session-end' });
    expect(readdirSync(roots.downloads)).toEqual([]);
  });
});
