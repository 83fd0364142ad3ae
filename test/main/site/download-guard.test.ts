import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachDownloadGuard, handleDownload, type DownloadGuardDeps, type DownloadNotice } from '../../../main/site/download-guard';
import { testPolicy } from '../../src/shell/policy-fixture';
import { FakeDownloadItem, FakeSession, preventable } from '../fakes';

const MB = 1024 * 1024;
const root = path.resolve('/srv/pk/downloads');

function deps(overrides: Partial<DownloadGuardDeps> = {}) {
  const notices: DownloadNotice[] = [];
  const dirs: string[] = [];
  const d: DownloadGuardDeps = {
    policy: () => testPolicy(),
    root,
    sessionId: 'session-abc',
    exists: () => false,
    ensureDir: (dir) => dirs.push(dir),
    notify: (n) => notices.push(n),
    ...overrides,
  };
  return { d, notices, dirs };
}

describe('download guard', () => {
  it('is attached to will-download and always sets a path inside the session folder', () => {
    const session = new FakeSession();
    const { d, notices, dirs } = deps();
    attachDownloadGuard(session, d);
    const item = new FakeDownloadItem('../../Startup/giay-to.pdf', 1000);
    session.emit('will-download', preventable({}), item);
    expect(item.savePath).toBe(path.join(root, 'session-abc', 'giay-to.pdf'));
    expect(dirs).toEqual([path.join(root, 'session-abc')]);
    expect(item.cancelled).toBe(false);
    item.emit('done', {}, 'completed');
    expect(notices).toEqual([{ kind: 'download-saved', extension: 'pdf' }]);
  });

  it.each([
    ['setup.exe', 10, 'download-blocked', 'exe'],
    ['scan.pdf', 5 * MB + 1, 'download-too-large', 'pdf'],
  ])('cancels %s (%d bytes) with %s and sets no path', (name, size, kind, extension) => {
    const { d, notices } = deps();
    const item = new FakeDownloadItem(name, size);
    handleDownload(item, d);
    expect(item.cancelled).toBe(true);
    expect(item.savePath).toBeUndefined();
    expect(notices).toEqual([{ kind, extension }]);
  });

  it('cancels once the bytes received pass the limit, when the server sent no length', () => {
    const { d, notices } = deps();
    const item = new FakeDownloadItem('scan.pdf', 0);
    handleDownload(item, d);
    item.progress(4 * MB);
    expect(item.cancelled).toBe(false);
    item.progress(5 * MB + 1);
    item.progress(6 * MB);
    item.emit('done', {}, 'cancelled');
    expect(item.cancelled).toBe(true);
    expect(notices).toEqual([{ kind: 'download-too-large', extension: 'pdf' }]);
  });

  it('cancels when anything goes wrong deciding (a save dialog must never open)', () => {
    const { d, notices } = deps({ ensureDir: () => { throw new Error('EACCES'); } });
    const item = new FakeDownloadItem('a.pdf', 1);
    handleDownload(item, d);
    expect(item.cancelled).toBe(true);
    expect(item.savePath).toBeUndefined();
    expect(notices).toEqual([{ kind: 'download-blocked', extension: '' }]);
  });

  it('cancels everything when the policy disables downloads', () => {
    const { d } = deps({ policy: () => testPolicy((p) => void (p.downloads.enabled = false)) });
    const item = new FakeDownloadItem('a.pdf', 1);
    handleDownload(item, d);
    expect(item.cancelled).toBe(true);
  });
});

describe('active downloads', () => {
  it('cancels the downloads still running when the session ends, and only those', () => {
    const session = new FakeSession();
    const { d } = deps();
    const active = attachDownloadGuard(session, d);
    const finished = new FakeDownloadItem('a.pdf', 10);
    const running = new FakeDownloadItem('b.pdf', 10);
    const refused = new FakeDownloadItem('c.exe', 10);
    for (const item of [finished, running, refused]) session.emit('will-download', preventable({}), item);
    finished.emit('done', {}, 'completed');
    expect(active.cancelAll()).toBe(1);
    expect(running.cancelled).toBe(true);
    expect(finished.cancelled).toBe(false);
    expect(active.cancelAll()).toBe(0);
  });
});
