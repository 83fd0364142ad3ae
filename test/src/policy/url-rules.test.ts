import { describe, expect, it } from 'vitest';
import type { Policy } from '../../../src/policy/schema';
import { decideUrl } from '../../../src/policy/url-rules';
import { bundledPolicy, policyWithSites } from './fixtures';

const rulesPolicy = policyWithSites({
  mode: 'allowlist',
  schemes: ['https'],
  allow: [
    { host: 'portal.example.gov.vn', ports: [8443] },
    { host: '*.example.gov.vn' },
    { host: 'legacy.example.vn', schemes: ['http', 'https'] },
    { host: '10.0.0.5' },
    { host: '[fd00::5]', ports: [8080] },
  ],
  deny: [{ host: 'admin.example.gov.vn' }],
  blockCategories: ['chat-apps'],
  allowCategories: [],
  categories: { 'chat-apps': { hosts: ['*.example.gov.vn.chat', 'chat.example.gov.vn'] }, unused: { hosts: ['unused.example.gov.vn'] } },
});

describe('decideUrl with explicit rules', () => {
  it.each([
    ['https://portal.example.gov.vn:8443/x', true, 'allowed', 'allow portal.example.gov.vn'],
    ['https://portal.example.gov.vn/', true, 'allowed', 'allow portal.example.gov.vn'],
    ['https://other.example.gov.vn:8443/', false, 'port', 'allow *.example.gov.vn does not list it'],
    ['https://x.example.gov.vn/', true, 'allowed', 'allow *.example.gov.vn'],
    ['https://example.gov.vn/', false, 'not-allowed', 'deny not in allowlist'],
    ['http://legacy.example.vn/', true, 'allowed', 'allow legacy.example.vn'],
    ['http://x.example.gov.vn/', false, 'scheme', 'permits https only'],
    ['https://10.0.0.5/', true, 'allowed', 'allow 10.0.0.5'],
    ['https://0x0a.0.0.5/', true, 'allowed', 'allow 10.0.0.5'],
    ['https://10.0.0.6/', false, 'ip-literal', 'deny IP address 10.0.0.6'],
    ['https://[fd00::5]:8080/', true, 'allowed', 'allow [fd00::5]'],
    ['https://[fd00::6]/', false, 'ip-literal', 'deny IP address [fd00::6]'],
    ['https://admin.example.gov.vn/', false, 'deny-rule', 'deny admin.example.gov.vn'],
    ['https://chat.example.gov.vn/', false, 'category', 'deny category chat-apps (chat.example.gov.vn)'],
    ['https://unused.example.gov.vn/', true, 'allowed', 'allow *.example.gov.vn'],
  ])('%s → allowed %s (%s)', (url, allowed, code, rule) => {
    const decision = decideUrl(rulesPolicy, url);
    expect(decision).toMatchObject({ allowed, code });
    expect(decision.rule).toContain(rule);
  });
});

describe('decideUrl in blocklist mode', () => {
  const blocklist = policyWithSites({ mode: 'blocklist', allow: [], deny: [{ host: '*.bad.example' }] });

  it('allows what is not denied, still only over https on default ports and named hosts', () => {
    expect(decideUrl(blocklist, 'https://anything.example/')).toMatchObject({ allowed: true, rule: 'allow not denied (blocklist mode)' });
    expect(decideUrl(blocklist, 'https://x.bad.example/')).toMatchObject({ allowed: false, code: 'deny-rule' });
    expect(decideUrl(blocklist, 'https://chat.zalo.me/')).toMatchObject({ allowed: false, code: 'category' });
    expect(decideUrl(blocklist, 'http://anything.example/')).toMatchObject({ allowed: false, code: 'scheme' });
    expect(decideUrl(blocklist, 'https://anything.example:444/')).toMatchObject({ allowed: false, code: 'port' });
    expect(decideUrl(blocklist, 'https://192.168.1.1/')).toMatchObject({ allowed: false, code: 'ip-literal' });
    expect(decideUrl(blocklist, 'file:///C:/Windows/')).toMatchObject({ allowed: false, code: 'scheme' });
  });
});

describe('decideUrl never fails open', () => {
  it('denies everything when handed a policy that was never validated', () => {
    const broken = structuredClone(bundledPolicy()) as Policy;
    broken.sites.deny = [{ host: 'https://not-a-host/' }];
    expect(decideUrl(broken, 'https://dichvucong.gov.vn/')).toMatchObject({ allowed: false, code: 'invalid-policy' });
    const missingCategory = structuredClone(bundledPolicy()) as Policy;
    missingCategory.sites.blockCategories = ['nope'];
    expect(decideUrl(missingCategory, 'https://dichvucong.gov.vn/')).toMatchObject({ allowed: false, code: 'invalid-policy' });
  });

  it('allows only the exact about:blank, nothing else under about:', () => {
    const policy = bundledPolicy();
    expect(decideUrl(policy, 'about:blank').allowed).toBe(true);
    for (const url of ['about:blank#x', 'about:BLANK', 'about:srcdoc', 'about:config']) {
      expect(decideUrl(policy, url)).toMatchObject({ allowed: false, code: 'scheme' });
    }
  });

  it('answers the same for a loaded (frozen) policy on every call', () => {
    const policy = bundledPolicy();
    expect(Object.isFrozen(policy.sites.allow)).toBe(true);
    expect(decideUrl(policy, 'https://dichvucong.gov.vn/')).toEqual(decideUrl(policy, 'https://dichvucong.gov.vn/'));
  });
});
