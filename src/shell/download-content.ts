import type { CheckableExtension } from '../policy/download-types';
import { isCheckableExtension } from '../policy/download-types';
import type { ByteSource } from './byte-source';
import { zipEntryNames } from './zip-directory';

export type { ByteSource } from './byte-source';

/**
 * Is a finished download what its name claims? A site (or a page script building a data: or blob:
 * download) could otherwise hand a citizen an executable, an HTML page or a macro document named
 * "giay-to.pdf". Bytes in, verdict out: the file is read through a ByteSource, so this runs on real
 * files in tests and on the session folder in the kiosk alike.
 *
 * How deep: the leading bytes of every type (the signature the format defines); zip-based documents
 * also need a readable zip directory holding the parts their format requires, and OOXML must carry
 * no VBA project (a macro document renamed .docx/.xlsx). OLE2 (.doc/.xls/.ppt) is checked by its
 * header only. Text types must be UTF-8 (or UTF-16 with a BOM) without control bytes.
 */

export type ContentVerdict = { ok: true; kind: string } | { ok: false; reason: string };

const HEAD = 64 * 1024;

type Checker = (head: Uint8Array, source: ByteSource) => ContentVerdict;

const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const zipLocal = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((byte, i) => bytes[at + i] === byte);
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

function signature(kind: string, ...options: (readonly number[])[]): Checker {
  return (head) => (options.some((sig) => startsWith(head, sig)) ? { ok: true, kind } : { ok: false, reason: `does not start like a ${kind} file` });
}

function ooxml(kind: string, mainFolder: string): Checker {
  return (head, source) => {
    if (!startsWith(head, zipLocal)) return { ok: false, reason: `does not start like a ${kind} file (zip)` };
    const names = zipEntryNames(source);
    if (!names.ok) return { ok: false, reason: `is not a readable zip archive (${names.reason})` };
    if (!names.names.includes('[Content_Types].xml')) return { ok: false, reason: `is a zip archive without [Content_Types].xml, not a ${kind} document` };
    if (!names.names.some((name) => name.startsWith(mainFolder))) return { ok: false, reason: `has no ${mainFolder} part, not a ${kind} document` };
    if (names.names.some((name) => name.toLowerCase().endsWith('vbaproject.bin'))) return { ok: false, reason: `carries macros (vbaProject.bin), which a ${kind} file never does` };
    return { ok: true, kind };
  };
}

/** ODF: the first entry is an uncompressed "mimetype" holding the document's media type (ODF 1.2 §3.3). */
function odf(kind: string, mediaType: string): Checker {
  const expected = ascii(`mimetype${mediaType}`);
  return (head, source) => {
    if (!startsWith(head, zipLocal)) return { ok: false, reason: `does not start like a ${kind} file (zip)` };
    const nameLength = (head[26] ?? 0) | ((head[27] ?? 0) << 8);
    const extraLength = (head[28] ?? 0) | ((head[29] ?? 0) << 8);
    const stored = head[8] === 0 && head[9] === 0;
    const mimetype = [...head.subarray(30, 30 + nameLength), ...head.subarray(30 + nameLength + extraLength, 30 + nameLength + extraLength + mediaType.length)];
    if (!stored || nameLength !== 8 || !expected.every((byte, i) => mimetype[i] === byte)) {
      return { ok: false, reason: `does not begin with the ${mediaType} mimetype entry of a ${kind} document` };
    }
    const names = zipEntryNames(source);
    if (!names.ok) return { ok: false, reason: `is not a readable zip archive (${names.reason})` };
    if (!names.names.includes('content.xml')) return { ok: false, reason: `has no content.xml, not a ${kind} document` };
    return { ok: true, kind };
  };
}

const zip: Checker = (head, source) => {
  const empty = [0x50, 0x4b, 0x05, 0x06];
  if (!startsWith(head, zipLocal) && !startsWith(head, empty)) return { ok: false, reason: 'does not start like a zip archive' };
  const names = zipEntryNames(source);
  return names.ok ? { ok: true, kind: 'zip' } : { ok: false, reason: `is not a readable zip archive (${names.reason})` };
};

/** Text: UTF-8 (optionally with a BOM) or UTF-16 with a BOM, no NUL or other control bytes but tab, CR, LF, FF. */
function text(kind: string, firstChar?: string): Checker {
  return (head, source) => {
    if (head.length < Math.min(source.size, HEAD)) return { ok: false, reason: 'could not be read' };
    let decoded: string;
    try {
      if (startsWith(head, [0xff, 0xfe])) decoded = new TextDecoder('utf-16le', { fatal: true }).decode(trimPartial(head.subarray(2), 2));
      else if (startsWith(head, [0xfe, 0xff])) decoded = new TextDecoder('utf-16be', { fatal: true }).decode(trimPartial(head.subarray(2), 2));
      else decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(trimUtf8(head, source.size > head.length));
    } catch {
      return { ok: false, reason: `is not text (not valid UTF-8 or UTF-16), so not a ${kind} file` };
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(decoded)) return { ok: false, reason: `holds control bytes, so not a ${kind} file` };
    if (firstChar !== undefined && decoded.trimStart().length > 0 && !decoded.trimStart().startsWith(firstChar)) {
      return { ok: false, reason: `does not start with "${firstChar}", so not a ${kind} file` };
    }
    return { ok: true, kind };
  };
}

/** A cut-off head may end inside a UTF-8 sequence: drop at most 3 trailing bytes of an unfinished one. */
function trimUtf8(bytes: Uint8Array, cut: boolean): Uint8Array {
  if (!cut) return bytes;
  const end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back += 1) {
    const byte = bytes[end - back] ?? 0;
    if ((byte & 0xc0) === 0xc0) return bytes.subarray(0, end - back);
    if ((byte & 0xc0) !== 0x80) break;
  }
  return bytes.subarray(0, end);
}

function trimPartial(bytes: Uint8Array, unit: number): Uint8Array {
  return bytes.subarray(0, bytes.length - (bytes.length % unit));
}

const checkers: Record<CheckableExtension, Checker> = {
  pdf: signature('PDF', ascii('%PDF-')),
  png: signature('PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpg: signature('JPEG', [0xff, 0xd8, 0xff]),
  jpeg: signature('JPEG', [0xff, 0xd8, 0xff]),
  gif: signature('GIF', ascii('GIF87a'), ascii('GIF89a')),
  bmp: signature('BMP', ascii('BM')),
  tif: signature('TIFF', [0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]),
  tiff: signature('TIFF', [0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]),
  webp: (head) => (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8) ? { ok: true, kind: 'WebP' } : { ok: false, reason: 'does not start like a WebP file' }),
  doc: signature('Word 97-2003 (OLE2)', ole2),
  xls: signature('Excel 97-2003 (OLE2)', ole2),
  ppt: signature('PowerPoint 97-2003 (OLE2)', ole2),
  docx: ooxml('Word (.docx)', 'word/'),
  xlsx: ooxml('Excel (.xlsx)', 'xl/'),
  pptx: ooxml('PowerPoint (.pptx)', 'ppt/'),
  odt: odf('OpenDocument text', 'application/vnd.oasis.opendocument.text'),
  ods: odf('OpenDocument spreadsheet', 'application/vnd.oasis.opendocument.spreadsheet'),
  odp: odf('OpenDocument presentation', 'application/vnd.oasis.opendocument.presentation'),
  zip,
  txt: text('text'),
  csv: text('CSV'),
  xml: text('XML', '<'),
  rtf: signature('RTF', ascii('{\\rtf')),
};

export function decideDownloadContent(extension: string, source: ByteSource): ContentVerdict {
  if (!isCheckableExtension(extension)) return { ok: false, reason: `no content check for ".${extension}" files` };
  if (source.size === 0 && !['txt', 'csv'].includes(extension)) return { ok: false, reason: 'is empty' };
  const head = source.read(0, Math.min(source.size, HEAD));
  return checkers[extension](head, source);
}
