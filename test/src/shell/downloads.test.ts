import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decideDownload,
  decideDownloadProgress,
  extensionOf,
  sanitiseFileName,
  sessionDownloadDir,
  uniqueFileName,
} from '../../../src/shell/downloads';
import { testPolicy } from './policy-fixture';

const downloads = testPolicy().downloads; // pdf, jpg, docx; 5 MB
const MB = 1024 * 1024;
const root = path.resolve('/srv/kiosk/downloads');
const target = { root, sessionId: 's-01HXYZ', exists: () => false };

describe('sanitiseFileName', () => {
  it.each([
    ['to-khai.pdf', 'to-khai.pdf'],
    ['Tờ khai đăng ký.pdf', 'Tờ khai đăng ký.pdf'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\Windows\\System32\\evil.pdf', 'evil.pdf'],
    ['C:\\Users\\Public\\x.pdf', 'x.pdf'],
    ['/abs/path/y.jpg', 'y.jpg'],
    ['..', 'download'],
    ['.', 'download'],
    ['', 'download'],
    ['.pdf', 'pdf'],
    ['...hidden.pdf', 'hidden.pdf'],
    ['trailing.pdf. . ', 'trailing.pdf'],
    ['a<b>c:d"e|f?g*h.pdf', 'abcdefgh.pdf'],
    ['tab\there\nnew.pdf', 'tabherenew.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['zero\u200Bwidth.pdf', 'zerowidth.pdf'],
    ['CON.pdf', '_CON.pdf'],
    ['lpt1.tar.pdf', '_lpt1.tar.pdf'],
    ['nul', '_nul'],
    ['  many   spaces  .pdf', 'many spaces .pdf'],
    ['Te\u0302\u0301t.pdf', 'T\u1EBFt.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(sanitiseFileName(input)).toBe(expected);
  });

  it('keeps the extension when it shortens a long name', () => {
    const long = sanitiseFileName(`${'a'.repeat(500)}.pdf`);
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('extensionOf', () => {
  it.each([
    ['a.PDF', 'pdf'],
    ['a.pdf.exe', 'exe'],
    ['noext', ''],
    ['.bashrc', ''],
  ])('%s → %j', (name, ext) => expect(extensionOf(name)).toBe(ext));
});

describe('sessionDownloadDir', () => {
  it('is <root>/<sessionId>', () => {
    expect(sessionDownloadDir(root, 'abc-123_X')).toBe(path.join(root, 'abc-123_X'));
  });
  it.each(['', '..', '../x', 'a/b', 'a\\b', 'a b', 'x'.repeat(65), 'C:'])('refuses session id %j', (id) => {
    expect(() => sessionDownloadDir(root, id)).toThrow(/invalid session id/);
  });
});

describe('uniqueFileName', () => {
  it('numbers a name already taken, keeping the extension', () => {
    const taken = new Set(['a.pdf', 'a (1).pdf']);
    expect(uniqueFileName('a.pdf', (n) => taken.has(n))).toBe('a (2).pdf');
    expect(uniqueFileName('b.pdf', (n) => taken.has(n))).toBe('b.pdf');
    expect(uniqueFileName('noext', (n) => n === 'noext')).toBe('noext (1)');
  });
});

describe('decideDownload', () => {
  it.each([
    // suggested name, total bytes, action, notice or saved file name
    ['to-khai.pdf', 1000, 'save', 'to-khai.pdf'],
    ['ANH.JPG', 0, 'save', 'ANH.JPG'],
    ['report.docx', 5 * MB, 'save', 'report.docx'],
    ['../../../Startup/x.pdf', 10, 'save', 'x.pdf'],
    ['report.docx', 5 * MB + 1, 'cancel', 'download-too-large'],
    ['setup.exe', 10, 'cancel', 'download-blocked'],
    ['invoice.pdf.exe', 10, 'cancel', 'download-blocked'],
    ['script.js', 10, 'cancel', 'download-blocked'],
    ['noextension', 10, 'cancel', 'download-blocked'],
    ['run.pdf.lnk', 10, 'cancel', 'download-blocked'],
    ['invoice\u202Efdp.exe', 10, 'cancel', 'download-blocked'],
  ] as const)('%j (%d bytes) → %s %s', (suggestedName, totalBytes, action, detail) => {
    const verdict = decideDownload(downloads, { suggestedName, totalBytes }, target);
    expect(verdict.action).toBe(action);
    if (verdict.action === 'save') {
      expect(verdict.fileName).toBe(detail);
      expect(verdict.savePath).toBe(path.join(root, 's-01HXYZ', detail));
      expect(path.relative(path.join(root, 's-01HXYZ'), verdict.savePath)).toBe(detail);
    } else {
      expect(verdict.notice).toBe(detail);
    }
  });

  it('refuses everything when downloads are disabled', () => {
    const off = testPolicy((p) => {
      p.downloads.enabled = false;
    }).downloads;
    expect(decideDownload(off, { suggestedName: 'a.pdf', totalBytes: 1 }, target)).toMatchObject({ action: 'cancel', notice: 'download-blocked' });
  });

  it('saves beside an earlier download of the same name instead of over it', () => {
    const verdict = decideDownload(downloads, { suggestedName: 'a.pdf', totalBytes: 1 }, { ...target, exists: (n) => n === 'a.pdf' });
    expect(verdict).toMatchObject({ action: 'save', fileName: 'a (1).pdf' });
  });

  it('refuses a session id that would leave the downloads root', () => {
    expect(() => decideDownload(downloads, { suggestedName: 'a.pdf', totalBytes: 1 }, { ...target, sessionId: '..' })).toThrow(/invalid session id/);
  });
});

describe('decideDownloadProgress', () => {
  it.each([
    [0, 0, 'continue'],
    [5 * MB, 0, 'continue'],
    [5 * MB + 1, 0, 'too-large'],
    [100, 5 * MB + 1, 'too-large'],
    [100, 5 * MB, 'continue'],
  ] as const)('received %d of %d → %s', (received, total, expected) => {
    expect(decideDownloadProgress(downloads, received, total)).toBe(expected);
  });
});
