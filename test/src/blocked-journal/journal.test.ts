import { describe, expect, it } from 'vitest';
import { validateAuditRecord } from '../../../src/audit/record-schema';
import { BlockedJournal, MAX_RECORD_HOSTS } from '../../../src/blocked-journal/journal';
import { refusalHost, refusalRule } from '../../../src/blocked-journal/refusal';
import { rehearsalLetsThrough } from '../../../src/blocked-journal/rehearsal';
import { decideNavigation } from '../../../src/shell/navigation';
import { decideRequest } from '../../../src/shell/requests';
import { testPolicy } from '../shell/policy-fixture';

const policy = testPolicy();
const at = new Date('2026-12-04T09:30:00.000Z');
const session = 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff';

describe('refusalRule: the journal rule of each shell decision', () => {
  it.each([
    ['main-frame', 'https://napas.com.vn/pay?card=4111', 'not-allowed'],
    ['main-frame', 'https://chat.zalo.me/', 'category:chat'],
    ['subresource', 'https://ads.dichvucong.gov.vn/track', 'deny'],
    ['main-frame', 'http://192.168.1.1/admin', 'local-network'],
    ['main-frame', 'http://router.local/', 'local-network'],
    ['subresource', 'http://localhost:8080/x', 'local-network'],
    ['main-frame', 'https://8.8.8.8/', 'not-allowed'],
    ['main-frame', 'file:///C:/Users/', 'scheme'],
    ['main-frame', 'https://napas.com.vn:8443/', 'not-allowed'],
    ['subresource', 'https://user:pw@cdn.example/x', 'deny'],
  ] as const)('%s %s → %s', (type, url, rule) => {
    const verdict = decideRequest(policy, { url, type });
    expect(verdict.allow).toBe(false);
    expect(refusalRule(verdict)).toBe(rule);
  });

  it('counts nothing for an unparseable URL', () => {
    expect(refusalRule(decideRequest(policy, { url: 'not a url', type: 'subresource' }))).toBeNull();
  });
});

describe('refusalHost: the host only, never a path, query, fragment or typed text', () => {
  it.each([
    ['https://NAPAS.com.vn./pay?name=Nguyen%20Van%20A#x', 'napas.com.vn'],
    ['wss://ws.zalo.me/socket?token=secret', 'ws.zalo.me'],
    ['blob:https://pay.example.vn/6f1e', 'pay.example.vn'],
    ['file:///C:/Users/citizen/cccd.pdf', 'file:'],
    ['javascript:alert(document.cookie)', 'javascript:'],
    ['data:text/html,<h1>typed text</h1>', 'data:'],
    ['http://[::1]:9000/', '[::1]'],
  ])('%s → %s', (url, host) => {
    expect(refusalHost(url)).toBe(host);
  });

  it('gives null where nothing usable is left', () => {
    expect(refusalHost('blob:null/1234')).toBeNull();
    expect(refusalHost('::nonsense')).toBeNull();
  });
});

describe('BlockedJournal', () => {
  it('writes no record for a session with nothing blocked', () => {
    const journal = new BlockedJournal();
    journal.refused('subresource', 'not a url', decideRequest(policy, { url: 'not a url', type: 'subresource' }));
    expect(journal.record('blocked', session, at)).toBeNull();
  });

  it('counts by host, kind and rule and builds a record the audit log accepts, without any path or query', () => {
    const journal = new BlockedJournal();
    for (const url of ['https://napas.com.vn/a?x=1', 'https://napas.com.vn/b#frag', 'https://napas.com.vn/c']) {
      journal.refused('navigation', url, decideNavigation(policy, { url, isMainFrame: true }));
    }
    journal.refused('websocket', 'wss://ws.zalo.me/s', decideRequest(policy, { url: 'wss://ws.zalo.me/s', type: 'websocket' }));
    journal.refused('popup', 'https://napas.com.vn/popup', decideNavigation(policy, { url: 'https://napas.com.vn/popup', isMainFrame: true }));
    journal.downloadRefused('https://thutuc.dichvucong.gov.vn/files/tax-form.exe?id=9');
    const record = journal.record('blocked', session, at);
    expect(record).toEqual({
      type: 'blocked',
      at: '2026-12-04T09:30:00.000Z',
      session,
      hosts: [
        { host: 'napas.com.vn', kind: 'navigation', rule: 'not-allowed', count: 3 },
        { host: 'napas.com.vn', kind: 'popup', rule: 'not-allowed', count: 1 },
        { host: 'thutuc.dichvucong.gov.vn', kind: 'download', rule: 'download-type', count: 1 },
        { host: 'ws.zalo.me', kind: 'websocket', rule: 'category:chat', count: 1 },
      ],
      otherCount: 0,
    });
    expect(validateAuditRecord(record)).toEqual(record);
    expect(JSON.stringify(record)).not.toMatch(/[/?#]|tax-form|frag/);
  });

  it('keeps the 50 most counted hosts and sums the rest, so the totals add up', () => {
    const journal = new BlockedJournal();
    for (let i = 0; i < 60; i += 1) {
      for (let n = 0; n <= i; n += 1) journal.count('frame', `https://h${String(i).padStart(2, '0')}.example.vn/`, 'not-allowed');
    }
    const record = journal.record('blocked', session, at)!;
    expect(record.hosts).toHaveLength(MAX_RECORD_HOSTS);
    expect(record.hosts[0]).toEqual({ host: 'h59.example.vn', kind: 'frame', rule: 'not-allowed', count: 60 });
    expect(record.otherCount).toBe(Array.from({ length: 10 }, (_, i) => i + 1).reduce((a, b) => a + b, 0));
    expect(validateAuditRecord(record)).toEqual(record);
  });

  it('stays bounded when a page invents hosts without end, and still sums them', () => {
    const journal = new BlockedJournal();
    for (let i = 0; i < 5_000; i += 1) journal.count('subresource', `https://r${i}.tracker.example/`, 'deny');
    const record = journal.record('blocked', session, at)!;
    expect(record.hosts).toHaveLength(50);
    expect(record.otherCount + record.hosts.reduce((sum, h) => sum + h.count, 0)).toBe(5_000);
  });
});

describe('the audit schema refuses a blocked record that would carry more than hosts', () => {
  const valid = { type: 'blocked', at: at.toISOString(), session, hosts: [{ host: 'napas.com.vn', kind: 'navigation', rule: 'not-allowed', count: 1 }], otherCount: 0 };
  it.each([
    ['a URL as host', { hosts: [{ host: 'napas.com.vn/pay?x=1', kind: 'navigation', rule: 'not-allowed', count: 1 }] }],
    ['an unknown kind', { hosts: [{ host: 'napas.com.vn', kind: 'cookie', rule: 'not-allowed', count: 1 }] }],
    ['an unknown rule', { hosts: [{ host: 'napas.com.vn', kind: 'frame', rule: 'maybe', count: 1 }] }],
    ['an extra field', { typed: 'Nguyen Van A' }],
    ['no hosts', { hosts: [] }],
    ['51 hosts', { hosts: Array.from({ length: 51 }, (_, i) => ({ host: `h${i}.vn`, kind: 'frame', rule: 'deny', count: 1 })) }],
  ])('%s', (_name, change) => {
    expect(() => validateAuditRecord({ ...valid, ...change })).toThrow(/audit record rejected/);
  });
  it('accepts a rehearsal record of the same shape', () => {
    expect(validateAuditRecord({ ...valid, type: 'rehearsal' })).toMatchObject({ type: 'rehearsal' });
  });
});

describe('rehearsalLetsThrough', () => {
  const nav = (url: string) => decideNavigation(policy, { url, isMainFrame: true });
  it('lets through only documents the allowlist does not list', () => {
    expect(rehearsalLetsThrough('navigation', nav('https://napas.com.vn/'))).toBe(true);
    expect(rehearsalLetsThrough('frame', nav('https://napas.com.vn/'))).toBe(true);
    expect(rehearsalLetsThrough('popup', nav('https://napas.com.vn/'))).toBe(true);
  });
  it.each([
    ['a chat app', 'navigation', 'https://chat.zalo.me/'],
    ['the local network', 'navigation', 'http://192.168.1.1/'],
    ['a local name', 'frame', 'http://printer.local/'],
    ['a scheme', 'navigation', 'file:///C:/'],
    ['a deny rule', 'navigation', 'https://ads.dichvucong.gov.vn/'],
  ] as const)('still refuses %s', (_name, kind, url) => {
    expect(rehearsalLetsThrough(kind, nav(url))).toBe(false);
  });
  it('never touches downloads or websockets', () => {
    expect(rehearsalLetsThrough('download', { allow: false, code: 'not-allowed', rule: '' })).toBe(false);
    expect(rehearsalLetsThrough('websocket', { allow: false, code: 'not-allowed', rule: '' })).toBe(false);
  });
});
