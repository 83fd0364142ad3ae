import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../src/forwarding/log-reader';
import { octetCounted, syslogMessage } from '../../../src/forwarding/syslog-message';

const record = (over: Partial<LogRecord> = {}): LogRecord => ({
  logId: 'a'.repeat(32), seq: 41, seal: 'b'.repeat(64), prev: 'c'.repeat(64), type: 'wipe', time: '2026-11-28T04:30:00.123Z',
  outcome: null, line: '{"v":1,"seq":41,"rec":{"type":"wipe"},"seal":"bb"}', end: 0, ...over,
});

describe('RFC 5424 message of an audit record', () => {
  it('header, private-enterprise structured data and the exact line as MSG', () => {
    expect(syslogMessage(record(), { hostname: 'kiosk-01.tyt.example.vn', enterpriseId: 55555 })).toBe(
      `<110>1 2026-11-28T04:30:00.123Z kiosk-01.tyt.example.vn public-kiosk - wipe [public-kiosk@55555 log="${'a'.repeat(32)}" seq="41" seal="${'b'.repeat(64)}"] {"v":1,"seq":41,"rec":{"type":"wipe"},"seal":"bb"}`,
    );
  });

  it('failed wipes and going out of service are warnings; staff actions notices; the default PEN is 32473', () => {
    expect(syslogMessage(record({ outcome: 'failed' }), { hostname: 'k' })).toMatch(/^<108>1 .* \[public-kiosk@32473 /);
    expect(syslogMessage(record({ type: 'service', outcome: 'out-of-service' }), { hostname: 'k' })).toMatch(/^<108>1 /);
    expect(syslogMessage(record({ type: 'staff' }), { hostname: 'k' })).toMatch(/^<109>1 /);
  });

  it('a host name with spaces or non-ASCII cannot break the header; a record without time gets the NILVALUE', () => {
    const text = syslogMessage(record({ time: null }), { hostname: 'Máy tính 1' });
    expect(text.startsWith('<110>1 - M_y_t_nh_1 public-kiosk - wipe [')).toBe(true);
  });

  it('octet counting counts UTF-8 bytes', () => {
    expect(octetCounted('xóa')).toBe('4 xóa');
  });
});
