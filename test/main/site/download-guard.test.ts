import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withFileByteSource } from '../../../src/shell/byte-source';
import { decideDownloadContent } from '../../../src/shell/download-content';
import { exe, pdf } from '../../support/document-files';
import { afterAll, describe, expect, it } from 'vitest';
import { attachDownloadGuard, handleDownload, type DownloadGuardDeps, type DownloadNotice } from '../../../main/site/download-guard';
import { testPolicy } from '../../src/shell/policy-fixture';
import { FakeDownloadItem, FakeSession, preventable } from '../fakes';

const MB = 1024 * 1024;
const root = path.resolve('/srv/pk/downloads');

function deps(overrides: Partial<DownloadGuardDeps> = {}) {
  const notices: DownloadNotice[] = [];
  const dirs: string[] = [];
  const checked: [string, string][] = [];
  const removed: string[] = [];
  const d: DownloadGuardDeps = {
    checkContent: (file, extension) => {
      checked.push([file, extension]);
      return { ok: true, kind: 'fake' };
    },
    removeFile: (file) => void removed.push(file),
    policy: () => testPolicy(),
    root,
    sessionId: 'session-abc',
    exists: () => false,
    ensureDir: (dir) => dirs.push(dir),
    notify: (n) => notices.push(n),
    ...overrides,
  };
  return { d, notices, dirs, checked, removed };
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

describe('download guard: the finished file must be what its name claims', () => {
  it('checks the saved file on completion and reports it saved only when it matches', () => {
    const { d, notices, checked, removed } = deps();
    const item = new FakeDownloadItem('giay-hen.pdf', 10);
    handleDownload(item, d);
    expect(checked).toEqual([]);
    item.emit('done', {}, 'completed');
    expect(checked).toEqual([[path.join(root, 'session-abc', 'giay-hen.pdf'), 'pdf']]);
    expect(removed).toEqual([]);
    expect(notices).toEqual([{ kind: 'download-saved', extension: 'pdf' }]);
  });

  it('deletes a mismatch and reports it like a blocked type', () => {
    const { d, notices, removed } = deps({ checkContent: () => ({ ok: false, reason: 'does not start like a PDF file' }) });
    const item = new FakeDownloadItem('giay-hen.pdf', 10);
    handleDownload(item, d);
    item.emit('done', {}, 'completed');
    expect(removed).toEqual([path.join(root, 'session-abc', 'giay-hen.pdf')]);
    expect(notices).toEqual([{ kind: 'download-blocked', extension: 'pdf' }]);
  });

  it('fails closed: a check that throws deletes the file too, and a delete that fails still reports it blocked', () => {
    const { d, notices, removed } = deps({ checkContent: () => { throw new Error('EACCES'); } });
    const item = new FakeDownloadItem('a.pdf', 10);
    handleDownload(item, d);
    item.emit('done', {}, 'completed');
    expect(removed).toEqual([path.join(root, 'session-abc', 'a.pdf')]);
    const stuck = deps({ checkContent: () => ({ ok: false, reason: 'x' }), removeFile: () => { throw new Error('EBUSY'); } });
    const other = new FakeDownloadItem('b.pdf', 10);
    handleDownload(other, stuck.d);
    expect(() => other.emit('done', {}, 'completed')).not.toThrow();
    expect([...notices, ...stuck.notices]).toEqual([{ kind: 'download-blocked', extension: 'pdf' }, { kind: 'download-blocked', extension: 'pdf' }]);
  });

  it('checks nothing for a cancelled or interrupted download, or one cancelled for size', () => {
    const { d, checked } = deps();
    for (const state of ['cancelled', 'interrupted'] as const) {
      const item = new FakeDownloadItem('a.pdf', 10);
      handleDownload(item, d);
      item.emit('done', {}, state);
    }
    const big = new FakeDownloadItem('a.pdf', 0);
    handleDownload(big, d);
    big.progress(6 * MB);
    big.emit('done', {}, 'completed');
    expect(checked).toEqual([]);
  });

  describe('with the real check on real files (data: and blob: downloads go through the same guard)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pk-download-guard-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const real = (name: string, bytes: Buffer) => {
      const session = new FakeSession();
      const { d, notices } = deps({
        root: dir,
        ensureDir: () => undefined,
        checkContent: (file, extension) => withFileByteSource(file, (source) => decideDownloadContent(extension, source)),
        removeFile: (file) => rmSync(file, { force: true }),
      });
      attachDownloadGuard(session, d);
      // What Chromium names a data:/blob: download: the <a download="…"> name, like any other.
      const item = new FakeDownloadItem(name, bytes.length);
      session.emit('will-download', preventable({}), item);
      expect(item.savePath).toBe(path.join(dir, 'session-abc', name));
      writeFileSync(item.savePath as string, bytes, { flag: 'w' });
      item.emit('done', {}, 'completed');
      return { file: item.savePath as string, notices };
    };

    it('an executable built in the page and offered as "ket-qua.pdf" is deleted and reported blocked', () => {
      rmSync(path.join(dir, 'session-abc'), { recursive: true, force: true });
      mkdirSync(path.join(dir, 'session-abc'), { recursive: true });
      const { file, notices } = real('ket-qua.pdf', exe());
      expect(existsSync(file)).toBe(false);
      expect(notices).toEqual([{ kind: 'download-blocked', extension: 'pdf' }]);
    });

    it('a real PDF stays and is reported saved', () => {
      mkdirSync(path.join(dir, 'session-abc'), { recursive: true });
      const { file, notices } = real('bien-nhan.pdf', pdf());
      expect(existsSync(file)).toBe(true);
      expect(notices).toEqual([{ kind: 'download-saved', extension: 'pdf' }]);
    });
  });
});
