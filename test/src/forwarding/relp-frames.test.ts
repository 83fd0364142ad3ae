import { describe, expect, it } from 'vitest';
import { encodeRelpFrame, RelpFrameParser } from '../../../src/forwarding/relp-frames';

describe('RELP frames', () => {
  it('encodes TXNR SP COMMAND SP DATALEN [SP DATA] LF, counting bytes not characters', () => {
    expect(encodeRelpFrame(7, 'syslog', Buffer.from('Xóa xong', 'utf8')).toString('utf8')).toBe('7 syslog 9 Xóa xong\n');
    expect(encodeRelpFrame(12, 'close').toString()).toBe('12 close 0\n');
  });

  it('parses answers split anywhere across chunks, with and without data', () => {
    const offer = '200 OK\nrelp_version=0\nrelp_software=librelp,1.11.0,http://librelp.adiscon.com\ncommands=syslog';
    const wire = Buffer.from(`1 rsp ${offer.length} ${offer}\n2 rsp 6 200 OK\n3 rsp 0\n0 serverclose 0\n`);
    for (const cut of [1, 3, 8, 50, 97, 110]) {
      const parser = new RelpFrameParser();
      const frames = [...parser.push(wire.subarray(0, cut)), ...parser.push(wire.subarray(cut))];
      expect(frames.map((f) => [f.txnr, f.command, f.data.toString()])).toEqual([
        [1, 'rsp', offer],
        [2, 'rsp', '200 OK'],
        [3, 'rsp', ''],
        [0, 'serverclose', ''],
      ]);
    }
  });

  it('refuses what a hostile or broken receiver could send', () => {
    for (const bad of ['x rsp 6 200 OK\n', '1 RSP 6 200 OK\n', '1 rsp 6 200 OKX\n', '1 rsp 5\n', '1 rsp 1234567890 a\n', '1 rsp 999999999 200 OK', `${'9'.repeat(70)}\n`]) {
      expect(() => new RelpFrameParser().push(Buffer.from(bad)), bad).toThrow(/RELP protocol error/);
    }
  });
});
