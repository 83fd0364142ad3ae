import { describe, expect, it } from 'vitest';
import { domainToASCII } from 'node:url';
import { canonicalHost, hostMatches, parseHostPattern, type HostPattern } from '../../../src/policy/host-pattern';

function pattern(text: string): HostPattern {
  const parsed = parseHostPattern(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.pattern;
}

describe('parseHostPattern', () => {
  it.each([
    ['dichvucong.gov.vn', 'exact', 'dichvucong.gov.vn'],
    ['*.dichvucong.gov.vn', 'suffix', 'dichvucong.gov.vn'],
    ['DichVuCong.GOV.vn.', 'exact', 'dichvucong.gov.vn'],
    ['bộytế.vn', 'exact', domainToASCII('bộytế.vn')],
    ['10.0.0.5', 'exact', '10.0.0.5'],
    ['0x0a.0.0.5', 'exact', '10.0.0.5'],
    ['[FD00::1]', 'exact', '[fd00::1]'],
  ])('accepts %s as %s %s', (text, kind, host) => {
    expect(pattern(text)).toMatchObject({ kind, host, text });
  });

  it.each([
    ['https://dichvucong.gov.vn', 'without a scheme'],
    ['dichvucong.gov.vn/portal', 'without a path'],
    ['dichvucong.gov.vn:8443', 'must not contain a port'],
    ['dichvucong.*.gov.vn', 'wildcard is allowed only as a leading'],
    ['*dichvucong.gov.vn', 'wildcard is allowed only as a leading'],
    ['*', 'wildcard is allowed only as a leading'],
    ['*.vn', 'at least two labels'],
    ['*.10.0.0.5', 'cannot be combined with an IP'],
    ['user@dichvucong.gov.vn', 'without user info'],
    ['dichvucong.gov.vn?x', 'without a query'],
    ['dich vu.gov.vn', 'must not contain spaces'],
    ['a..gov.vn', 'empty label'],
    ['dichvucong.gov.vn\\evil', 'plain host name'],
    ['', 'must not be empty'],
  ])('rejects %s', (text, message) => {
    const parsed = parseHostPattern(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});

describe('hostMatches', () => {
  const suffix = pattern('*.a.b');
  it.each([
    ['x.a.b', true],
    ['y.x.a.b', true],
    ['a.b', false],
    ['xa.b', false],
    ['x.a.b.evil', false],
    ['x-a.b', false],
  ])('*.a.b vs %s → %s', (host, expected) => {
    expect(hostMatches(suffix, host)).toBe(expected);
  });

  it('matches exact hosts only exactly', () => {
    const exact = pattern('a.b');
    expect(hostMatches(exact, 'a.b')).toBe(true);
    expect(hostMatches(exact, 'x.a.b')).toBe(false);
    expect(hostMatches(exact, 'a.bc')).toBe(false);
  });

  it('canonicalises one trailing dot and case only', () => {
    expect(canonicalHost('A.B.')).toBe('a.b');
    expect(canonicalHost('a.b..')).toBe('a.b.');
  });
});
