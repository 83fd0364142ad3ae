/**
 * RELP frames as librelp writes and reads them: `TXNR SP COMMAND SP DATALEN [SP DATA] LF`.
 * TXNR is 1..999999999 (0 only for the server's unsolicited `serverclose`), DATALEN at most 9 digits.
 */
export const MAX_TXNR = 999_999_999;
const MAX_ANSWER_BYTES = 64 * 1024;
const LF = 0x0a;
const SP = 0x20;

export interface RelpFrame {
  txnr: number;
  command: string;
  data: Buffer;
}

export function encodeRelpFrame(txnr: number, command: string, data: Buffer = Buffer.alloc(0)): Buffer {
  const head = data.length > 0 ? `${txnr} ${command} ${data.length} ` : `${txnr} ${command} 0`;
  return Buffer.concat([Buffer.from(head, 'ascii'), data, Buffer.from([LF])]);
}

export class RelpProtocolError extends Error {
  constructor(detail: string) {
    super(`RELP protocol error from the receiver: ${detail}`);
    this.name = 'RelpProtocolError';
  }
}

/** `200 …` is success; librelp answers errors `500 reason`. Read from the bytes: one check per answer. */
export function isOkAnswer(data: Buffer): boolean {
  if (data.length < 3 || data[0] !== 0x32 || data[1] !== 0x30 || data[2] !== 0x30) return false;
  const after = data[3];
  return after === undefined || after === SP || after === LF || after === 0x09 || after === 0x0d;
}

/**
 * Incremental parser of the receiver's frames; `push` returns every frame completed by the chunk.
 * A window of answers arrives as thousands of tiny frames per chunk, so the header is read from
 * the bytes in place (no per-frame strings, regexes or buffer copies).
 */
export class RelpFrameParser {
  private pending: Buffer = Buffer.alloc(0);
  private at = 0;

  push(chunk: Buffer): RelpFrame[] {
    this.pending = this.at >= this.pending.length ? chunk : Buffer.concat([this.pending.subarray(this.at), chunk]);
    this.at = 0;
    const frames: RelpFrame[] = [];
    for (;;) {
      const frame = this.next();
      if (!frame) return frames;
      frames.push(frame);
    }
  }

  private next(): RelpFrame | null {
    const buffer = this.pending;
    const start = this.at;
    const first = buffer.indexOf(SP, start);
    const second = first < 0 ? -1 : buffer.indexOf(SP, first + 1);
    if (second < 0) {
      if (buffer.length - start > 64) throw new RelpProtocolError('frame header too long');
      return null;
    }
    // DATALEN ends at SP (data follows) or LF (no data).
    let lenEnd = second + 1;
    while (lenEnd < buffer.length && buffer[lenEnd] !== SP && buffer[lenEnd] !== LF) lenEnd += 1;
    if (lenEnd >= buffer.length) {
      if (lenEnd - second > 10) throw new RelpProtocolError('DATALEN too long');
      return null;
    }
    const txnr = digitsAt(buffer, start, first);
    const command = commandAt(buffer, first + 1, second);
    const dataLength = digitsAt(buffer, second + 1, lenEnd);
    if (txnr < 0 || command === null || dataLength < 0) {
      throw new RelpProtocolError(`malformed frame header "${buffer.subarray(start, Math.min(lenEnd, start + 64)).toString('latin1')}"`);
    }
    // Answers are a status line and an offer: a receiver announcing more is broken or hostile, and
    // waiting for it would only buffer memory.
    if (dataLength > MAX_ANSWER_BYTES) throw new RelpProtocolError(`frame of ${dataLength} bytes (answers are at most ${MAX_ANSWER_BYTES})`);
    const dataStart = buffer[lenEnd] === SP ? lenEnd + 1 : lenEnd;
    if (buffer[lenEnd] === LF && dataLength > 0) throw new RelpProtocolError('frame ends before its data');
    const trailer = dataStart + dataLength;
    if (buffer.length <= trailer) return null;
    if (buffer[trailer] !== LF) throw new RelpProtocolError('frame does not end with LF');
    this.at = trailer + 1;
    return { txnr, command, data: buffer.subarray(dataStart, trailer) };
  }
}

/** 1 to 9 ASCII digits as a number, or -1. */
function digitsAt(buffer: Buffer, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const digit = buffer[i]! - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** 1 to 32 lowercase ASCII letters, or null; `rsp` (nearly every frame) without a new string. */
function commandAt(buffer: Buffer, from: number, to: number): string | null {
  if (to <= from || to - from > 32) return null;
  if (to - from === 3 && buffer[from] === 0x72 && buffer[from + 1] === 0x73 && buffer[from + 2] === 0x70) return 'rsp';
  for (let i = from; i < to; i += 1) {
    const c = buffer[i]!;
    if (c < 0x61 || c > 0x7a) return null;
  }
  return buffer.toString('latin1', from, to);
}
