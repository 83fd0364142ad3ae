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

/** Incremental parser of the receiver's frames; `push` returns every frame completed by the chunk. */
export class RelpFrameParser {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): RelpFrame[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: RelpFrame[] = [];
    for (;;) {
      const frame = this.next();
      if (!frame) return frames;
      frames.push(frame);
    }
  }

  private next(): RelpFrame | null {
    const buffer = this.pending;
    const first = buffer.indexOf(SP);
    const second = first < 0 ? -1 : buffer.indexOf(SP, first + 1);
    if (second < 0) {
      if (buffer.length > 64) throw new RelpProtocolError('frame header too long');
      return null;
    }
    // DATALEN ends at SP (data follows) or LF (no data).
    let lenEnd = second + 1;
    while (lenEnd < buffer.length && buffer[lenEnd] !== SP && buffer[lenEnd] !== LF) lenEnd += 1;
    if (lenEnd >= buffer.length) {
      if (lenEnd - second > 10) throw new RelpProtocolError('DATALEN too long');
      return null;
    }
    const txnrText = buffer.subarray(0, first).toString('ascii');
    const command = buffer.subarray(first + 1, second).toString('ascii');
    const lenText = buffer.subarray(second + 1, lenEnd).toString('ascii');
    if (!/^\d{1,9}$/.test(txnrText) || !/^[a-z]{1,32}$/.test(command) || !/^\d{1,9}$/.test(lenText)) {
      throw new RelpProtocolError(`malformed frame header "${buffer.subarray(0, Math.min(lenEnd, 64)).toString('latin1')}"`);
    }
    const dataLength = Number(lenText);
    // Answers are a status line and an offer: a receiver announcing more is broken or hostile, and
    // waiting for it would only buffer memory.
    if (dataLength > MAX_ANSWER_BYTES) throw new RelpProtocolError(`frame of ${dataLength} bytes (answers are at most ${MAX_ANSWER_BYTES})`);
    const dataStart = buffer[lenEnd] === SP ? lenEnd + 1 : lenEnd;
    if (buffer[lenEnd] === LF && dataLength > 0) throw new RelpProtocolError('frame ends before its data');
    const trailer = dataStart + dataLength;
    if (buffer.length <= trailer) return null;
    if (buffer[trailer] !== LF) throw new RelpProtocolError('frame does not end with LF');
    this.pending = buffer.subarray(trailer + 1);
    return { txnr: Number(txnrText), command, data: Buffer.from(buffer.subarray(dataStart, trailer)) };
  }
}
