import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Random access to a file's bytes, so a check reads only the parts it needs (head, zip directory). */
export interface ByteSource {
  size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Uint8Array;
}

export function bufferByteSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)) };
}

/** Opens `file` read-only, runs `use` on its bytes, closes it. */
export function withFileByteSource<T>(file: string, use: (source: ByteSource) => T): T {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    return use({
      size,
      read(offset, length) {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
        let filled = 0;
        while (filled < buffer.length) {
          const got = readSync(fd, buffer, filled, buffer.length - filled, offset + filled);
          if (got === 0) break;
          filled += got;
        }
        return buffer.subarray(0, filled);
      },
    });
  } finally {
    closeSync(fd);
  }
}
