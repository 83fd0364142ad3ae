import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { checkableExtensions } from '../../../src/policy/download-types';
import { withFileByteSource } from '../../../src/shell/byte-source';
import { decideDownloadContent } from '../../../src/shell/download-content';
import { docx, exe, jpeg, odf, ole2, pdf, png, pptx, xlsx, zipArchive } from '../../support/document-files';

const dir = mkdtempSync(path.join(tmpdir(), 'pk-download-content-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Writes the bytes to a real file and decides it as the kiosk does after a download completes. */
function decideFile(extension: string, bytes: Buffer) {
  const file = path.join(dir, `f${(n += 1)}.${extension}`);
  writeFileSync(file, bytes);
  return withFileByteSource(file, (source) => decideDownloadContent(extension, source));
}

const html = Buffer.from('<!doctype html><script>location="https://evil.example/"</script>');
const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const tiff = Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([4, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

describe('decideDownloadContent: files that are what they claim', () => {
  it.each([
    ['pdf', pdf()],
    ['png', png()],
    ['jpg', jpeg()],
    ['jpeg', jpeg()],
    ['gif', gif],
    ['bmp', Buffer.from('BM\x3a\x00\x00\x00', 'latin1')],
    ['tif', tiff],
    ['tiff', Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8])],
    ['webp', webp],
    ['doc', ole2()],
    ['xls', ole2()],
    ['ppt', ole2()],
    ['docx', docx()],
    ['xlsx', xlsx()],
    ['pptx', pptx()],
    ['odt', odf('text')],
    ['ods', odf('spreadsheet')],
    ['odp', odf('presentation')],
    ['zip', zipArchive([{ name: 'a.txt', data: 'a' }])],
    ['zip', zipArchive([])],
    ['txt', Buffer.from('Họ và tên: Nguyễn Văn A\r\nSố hồ sơ: 000.00.00.H26-250101-0001\n')],
    ['txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Giấy hẹn\r\n', 'utf16le')])],
    ['txt', Buffer.alloc(0)],
    ['csv', Buffer.from('\ufeffmã hồ sơ;ngày nộp\n1;2026-11-28\n')],
    ['xml', Buffer.from('\ufeff  <?xml version="1.0"?><hoSo/>')],
    ['rtf', Buffer.from('{\\rtf1\\ansi Giay hen}')],
  ])('.%s', (extension, bytes) => {
    expect(decideFile(extension, bytes)).toMatchObject({ ok: true });
  });

  it('reads long UTF-8 text cut in the middle of a character at the 64 KiB boundary', () => {
    expect(decideFile('txt', Buffer.from('ế'.repeat(40_000)))).toMatchObject({ ok: true });
  });

  it('accepts a zip whose end record carries a comment', () => {
    const archive = docx();
    const withComment = Buffer.concat([archive.subarray(0, -2), Buffer.from([5, 0]), Buffer.from('hello')]);
    expect(decideFile('docx', withComment)).toMatchObject({ ok: true });
  });

  it('generated documents are real zip archives (unzip -t agrees)', () => {
    for (const [extension, bytes] of [['docx', docx()], ['odt', odf('text')]] as const) {
      const file = path.join(dir, `check.${extension}`);
      writeFileSync(file, bytes);
      let output: string;
      try {
        output = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' && process.env.CI !== 'true') return;
        throw error;
      }
      expect(output).toContain('No errors detected');
    }
  });
});

describe('decideDownloadContent: files that lie about their type', () => {
  it.each([
    ['pdf', exe(), 'does not start like a PDF file'],
    ['pdf', html, 'does not start like a PDF file'],
    ['pdf', Buffer.concat([Buffer.from('junk before the header\n'), pdf()]), 'does not start like a PDF file'],
    ['pdf', Buffer.alloc(0), 'is empty'],
    ['jpg', png(), 'does not start like a JPEG file'],
    ['png', jpeg(), 'does not start like a PNG file'],
    ['png', html, 'does not start like a PNG file'],
    ['jpeg', exe(), 'does not start like a JPEG file'],
    ['gif', png(), 'does not start like a GIF file'],
    ['webp', Buffer.concat([Buffer.from('RIFF'), Buffer.from([4, 0, 0, 0]), Buffer.from('WAVEfmt ')]), 'does not start like a WebP file'],
    ['doc', docx(), 'does not start like a Word 97-2003 (OLE2) file'],
    ['xls', exe(), 'does not start like a Excel 97-2003 (OLE2) file'],
    ['docx', ole2(), 'does not start like a Word (.docx) file (zip)'],
    ['docx', exe(), 'does not start like a Word (.docx) file (zip)'],
    ['docx', zipArchive([{ name: 'payload.exe', data: exe() }]), 'without [Content_Types].xml'],
    ['docx', xlsx(), 'has no word/ part'],
    ['xlsx', docx(), 'has no xl/ part'],
    ['docx', docx([{ name: 'word/vbaProject.bin', data: ole2() }]), 'carries macros (vbaProject.bin)'],
    ['docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), exe()]), 'not a readable zip archive (no end-of-directory record)'],
    ['docx', docx().subarray(0, docx().length - 30), 'not a readable zip archive'],
    ['docx', odf('text'), 'without [Content_Types].xml'],
    ['odt', docx(), 'does not begin with the application/vnd.oasis.opendocument.text mimetype entry'],
    ['odt', odf('spreadsheet'), 'does not begin with the application/vnd.oasis.opendocument.text mimetype entry'],
    ['ods', zipArchive([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' }, { name: 'content.xml', data: '<x/>' }]), 'mimetype entry'],
    ['odt', zipArchive([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', stored: true }]), 'has no content.xml'],
    ['zip', exe(), 'does not start like a zip archive'],
    ['txt', exe(), 'holds control bytes'],
    ['txt', png(), 'not valid UTF-8 or UTF-16'],
    ['csv', Buffer.from([0x41, 0x00, 0x42]), 'holds control bytes'],
    ['xml', Buffer.from('hello'), 'does not start with "<"'],
    ['rtf', html, 'does not start like a RTF file'],
    ['exe', exe(), 'no content check for ".exe" files'],
    ['html', html, 'no content check for ".html" files'],
  ])('.%s holding something else is refused (%#)', (extension, bytes, reason) => {
    const verdict = decideFile(extension, bytes);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toContain(reason);
  });

  it('has a check for every type the policy may allow', () => {
    for (const extension of checkableExtensions) {
      expect(decideFile(extension, exe()).ok, extension).toBe(false);
    }
  });
});
