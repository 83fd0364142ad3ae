import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../src/audit/audit-log';
import type { WipeAuditRecord } from '../../../src/audit/record-types';
import { startNewAuditLog } from '../../../src/audit/start-new-log';
import { AUDIT_HEAD_ACCOUNT } from '../../../src/audit/store-head';
import { verifyAuditLog } from '../../../src/audit/verify-log';
import { KIOSK_CREDENTIAL_SERVICE } from '../../../src/secrets/credential-store';
import { FakeCredentialStore } from '../wipe/helpers';
import { copyAuditPair, useAuditDirs } from './audit-dirs';

let state = '';
let backup = '';
useAuditDirs((dirs) => ([state, backup] = [dirs.state, dirs.backup]));

const at = new Date(Date.UTC(2026, 0, 5, 10, 0, 0));
const record: WipeAuditRecord = {
  type: 'wipe', scope: 'shift', trigger: 'shift-end', startedAt: at.toISOString(), endedAt: at.toISOString(), durationMs: 1,
  filesRemoved: 1, bytesRemoved: 1, verification: 'passed', result: 'succeeded', errors: [],
};

describe('starting a new audit log on purpose', () => {
  it('after a rollback: sets the old files aside, forgets the store copy, and the next record starts a clean log', async () => {
    const store = new FakeCredentialStore();
    const log = openAuditLog(state, store);
    await log.append(record);
    copyAuditPair(state, backup);
    await log.append(record);
    copyAuditPair(backup, state);
    await expect(log.append(record)).rejects.toThrow(/rolled back/);
    const oldLog = readFileSync(path.join(state, 'audit.log'), 'utf8');

    const oldId = readFileSync(path.join(state, 'audit.log-id'), 'utf8');
    const started = await startNewAuditLog(state, store, at);
    expect(started).toEqual({
      setAside: ['audit.log.replaced-2026-01-05T10-00-00-000Z', 'audit.head.replaced-2026-01-05T10-00-00-000Z', 'audit.log-id.replaced-2026-01-05T10-00-00-000Z'],
      storeHeadForgotten: true,
    });
    expect(readFileSync(path.join(state, started.setAside[0] ?? ''), 'utf8')).toBe(oldLog);
    expect(readFileSync(path.join(state, started.setAside[2] ?? ''), 'utf8')).toBe(oldId);
    expect(await store.get(KIOSK_CREDENTIAL_SERVICE, AUDIT_HEAD_ACCOUNT)).toBeNull();
    await log.append(record);
    expect(await verifyAuditLog(state, store)).toMatchObject({ ok: true, records: 1, sealing: 'keyed', problems: [] });
    // The new log has a new id: collectors dedupe on log id + seq, and seq starts again at 1.
    expect(readFileSync(path.join(state, 'audit.log-id'), 'utf8')).toMatch(/^[a-f0-9]{32}\n$/);
    expect(readFileSync(path.join(state, 'audit.log-id'), 'utf8')).not.toBe(oldId);
  });

  it('changes nothing when the credential store cannot be reached', async () => {
    const store = new FakeCredentialStore();
    await openAuditLog(state, store).append(record);
    store.reachable = false;
    await expect(startNewAuditLog(state, store, at)).rejects.toThrow(/cannot be reached: nothing was changed/);
    expect(readdirSync(state).sort()).toEqual(['audit.head', 'audit.log', 'audit.log-id']);
    store.reachable = true;
    expect(await store.get(KIOSK_CREDENTIAL_SERVICE, AUDIT_HEAD_ACCOUNT)).not.toBeNull();
  });

  it('works for an unkeyed log (no store) and when there is no log yet', async () => {
    await openAuditLog(state, null).append(record);
    expect((await startNewAuditLog(state, null, at)).setAside).toHaveLength(3);
    expect(await startNewAuditLog(state, null, at)).toEqual({ setAside: [], storeHeadForgotten: false });
  });
});
