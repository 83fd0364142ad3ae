import { open } from 'node:fs/promises';

/** A line longer than any audit record can be (bytes): kept out of memory, read as one unreadable line. */
export const MAX_LINE_BYTES = 4 << 20;
const OVERSIZED = '\u0000oversized line';
const CHUNK = 4 << 20;
const NEWLINE = 0x0a;

/**
 * Reads a text file line by line without holding it whole: memory stays near the read size plus the
 * longest line (capped near MAX_LINE_BYTES; a longer one reaches `onLine` as a line no record matches).
 * Bytes are decoded only up to the last newline of each read (a newline byte is never part of a
 * multi-byte UTF-8 character), so no character is split. Resolves to the text after the last newline
 * ('' when the file ends with one).
 */
export async function streamLines(file: string, onLine: (line: string) => void): Promise<string> {
  const handle = await open(file, 'r');
  try {
    let carry: Buffer = Buffer.alloc(0);
    let skipping = false;
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      const bytes = buffer.subarray(0, bytesRead);
      const last = bytes.lastIndexOf(NEWLINE);
      if (last < 0) {
        carry = skipping ? carry : Buffer.concat([carry, bytes]);
        if (carry.length > MAX_LINE_BYTES) [skipping, carry] = [true, Buffer.alloc(0)];
        continue;
      }
      const first = bytes.indexOf(NEWLINE);
      if (skipping) onLine(OVERSIZED);
      else if (carry.length > 0) onLine(Buffer.concat([carry, bytes.subarray(0, first)]).toString('utf8'));
      else onLine(bytes.toString('utf8', 0, first));
      skipping = false;
      if (last > first) emitLines(bytes.toString('utf8', first + 1, last), onLine);
      carry = Buffer.from(bytes.subarray(last + 1));
    }
    return skipping ? OVERSIZED : carry.toString('utf8');
  } finally {
    await handle.close();
  }
}

function emitLines(text: string, onLine: (line: string) => void): void {
  let from = 0;
  let at = text.indexOf('\n');
  while (at >= 0) {
    onLine(text.slice(from, at));
    from = at + 1;
    at = text.indexOf('\n', from);
  }
  onLine(text.slice(from));
}
