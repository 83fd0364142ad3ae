import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../src/audit/audit-log';
import { readRecentWipes } from '../../../src/audit/recent';
import { readServiceState } from '../../../src/state/service-state';
import { clipboardKinds, wipeClipboard, type ClipboardKind, type ClipboardPort } from '../../../src/wipe/clipboard';
import { runWipe } from '../../../src/wipe/run-wipe';
import type { WipeDeps } from '../../../src/wipe/types';
import { makeRoots, type TempRoots } from './helpers';

/** An OS clipboard in memory: each kind holds formats; `stuck` kinds ignore clear, `broken` ones throw. */
class FakeClipboard implements ClipboardPort {
  readonly held = new Map<ClipboardKind, string[]>([
    ['clipboard', ['text/plain']],
    ['selection', ['text/plain']],
  ]);
  readonly cleared: ClipboardKind[] = [];
  stuck = new Set<ClipboardKind>();
  broken = new Set<ClipboardKind>();
  onClear: () => void = () => undefined;
  clear(kind: ClipboardKind) {
    this.onClear();
    if (this.broken.has(kind)) throw new Error('no X display');
    this.cleared.push(kind);
    if (!this.stuck.has(kind)) this.held.set(kind, []);
  }
  async formats(kind: ClipboardKind) {
    return this.held.get(kind) ?? [];
  }
}

let roots: TempRoots;
afterEach(() => roots?.cleanup());

function deps(clipboard: ClipboardPort | undefined, platform: NodeJS.Platform = 'linux'): WipeDeps {
  return { roots, credentialServices: [], credentialStore: null, audit: openAuditLog(roots.state, null), platform, ...(clipboard ? { clipboard } : {}) };
}

describe('the clipboard as a wipe step', () => {
  it('Linux clears the selection clipboard too; Windows and macOS have one', () => {
    expect(clipboardKinds('linux')).toEqual(['clipboard', 'selection']);
    expect(clipboardKinds('win32')).toEqual(['clipboard']);
    expect(clipboardKinds('darwin')).toEqual(['clipboard']);
  });

  it('no port (plain Node, the CLI) is null, never success', async () => {
    expect(await wipeClipboard(undefined, 'linux')).toEqual({ cleared: null, errors: [] });
    expect(await wipeClipboard(null, 'win32')).toEqual({ cleared: null, errors: [] });
  });

  it('a session wipe clears both clipboards before its record is written and records true', async () => {
    roots = makeRoots(0);
    const clipboard = new FakeClipboard();
    const logExisted: boolean[] = [];
    clipboard.onClear = () => logExisted.push(existsSync(path.join(roots.state, 'audit.log')));
    const outcome = await runWipe({ scope: 'session', trigger: 'session-end', sessionId: 'citizen-1' }, deps(clipboard));
    expect(outcome.ok).toBe(true);
    expect(clipboard.cleared).toEqual(['clipboard', 'selection']);
    expect(clipboard.held.get('clipboard')).toEqual([]);
    // Fresh roots: the audit log is created by this wipe's record, so it did not exist when the clipboard was cleared.
    expect(logExisted).toEqual([false, false]);
    expect(existsSync(path.join(roots.state, 'audit.log'))).toBe(true);
    expect((await readRecentWipes(roots.state, 1))[0]).toMatchObject({ result: 'succeeded', clipboardCleared: true });
  });

  it('a shift wipe clears it too', async () => {
    roots = makeRoots(0);
    const clipboard = new FakeClipboard();
    const outcome = await runWipe({ scope: 'shift', trigger: 'shift-end' }, deps(clipboard, 'win32'));
    expect(outcome.record).toMatchObject({ result: 'succeeded', clipboardCleared: true });
    expect(clipboard.cleared).toEqual(['clipboard']);
    expect(clipboard.held.get('selection')).toEqual(['text/plain']);
  });

  it('without a port the record says null and the wipe still succeeds on its own targets', async () => {
    roots = makeRoots(0);
    const outcome = await runWipe({ scope: 'shift', trigger: 'manual' }, deps(undefined));
    expect(outcome.ok).toBe(true);
    expect(outcome.record.clipboardCleared).toBeNull();
    expect((await readRecentWipes(roots.state, 1))[0]?.clipboardCleared).toBeNull();
  });

  it('a clipboard that throws fails the wipe: out of service, false in the record, an error code without content', async () => {
    roots = makeRoots(0);
    const clipboard = new FakeClipboard();
    clipboard.broken.add('selection');
    const outcome = await runWipe({ scope: 'session', trigger: 'idle', sessionId: 'citizen-2' }, deps(clipboard));
    expect(outcome.ok).toBe(false);
    expect(outcome.record).toMatchObject({ result: 'failed', clipboardCleared: false, errors: ['EIO on selection: the clipboard could not be cleared'] });
    expect((await readServiceState(roots.state)).outOfService?.reason).toBe('wipe-failed');
  });

  it('a clipboard still holding data after clear (another program re-filled it) fails the wipe', async () => {
    roots = makeRoots(0);
    const clipboard = new FakeClipboard();
    clipboard.stuck.add('clipboard');
    const outcome = await runWipe({ scope: 'shift', trigger: 'shift-end' }, deps(clipboard));
    expect(outcome.ok).toBe(false);
    expect(outcome.record.clipboardCleared).toBe(false);
    expect(outcome.record.errors).toContain('ENOTEMPTY on clipboard: 1 formats left after clear');
  });
});
