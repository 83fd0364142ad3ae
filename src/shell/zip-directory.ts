import type { ByteSource } from './byte-source';

/**
 * The entry names of a zip archive, read from its central directory (found through the End of
 * Central Directory record at the end of the file), so a file that only starts with "PK\x03\x04" is
 * not taken for a document. ZIP64 is refused: documents within the kiosk's download cap never need it.
 */

export type ZipNames = { ok: true; names: string[] } | { ok: false; reason: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const MAX_DIRECTORY = 8 * 1024 * 1024;

export function zipEntryNames(source: ByteSource): ZipNames {
  const tailLength = Math.min(source.size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = source.size - tailLength;
  const tail = source.read(tailStart, tailLength);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let at = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i -= 1) {
    if (view.getUint32(i, true) === EOCD && i + EOCD_SIZE + view.getUint16(i + 20, true) === tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) return { ok: false, reason: 'no end-of-directory record' };
  const entries = view.getUint16(at + 10, true);
  const size = view.getUint32(at + 12, true);
  const offset = view.getUint32(at + 16, true);
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) return { ok: false, reason: 'ZIP64 archive' };
  if (offset + size > tailStart + at || size > MAX_DIRECTORY) return { ok: false, reason: 'directory outside the file' };
  const directory = source.read(offset, size);
  if (directory.length !== size) return { ok: false, reason: 'directory cut off' };
  const dir = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const names: string[] = [];
  let p = 0;
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < entries; n += 1) {
    if (p + 46 > directory.length || dir.getUint32(p, true) !== CENTRAL) return { ok: false, reason: `directory entry ${n + 1} is damaged` };
    const nameLength = dir.getUint16(p + 28, true);
    const extraLength = dir.getUint16(p + 30, true);
    const commentLength = dir.getUint16(p + 32, true);
    const end = p + 46 + nameLength;
    if (end > directory.length) return { ok: false, reason: `directory entry ${n + 1} is damaged` };
    names.push(decoder.decode(directory.subarray(p + 46, end)));
    p = end + extraLength + commentLength;
  }
  return { ok: true, names };
}
