import { describe, expect, it } from 'vitest';
import { semanticIssues } from '../../../src/policy/semantic-checks';
import { decideUrl } from '../../../src/policy/url-rules';
import { bundledPolicy, policyWithSites } from './fixtures';

// sites.allowCategories: a category's hosts open like allow rules, but never a chat app or the local network.
describe('allowed categories', () => {
  const base = bundledPolicy();

  it('the bundled policy allows the payments category, and a machine file opts out with one line', () => {
    expect(base.sites.allowCategories).toEqual(['payments']);
    expect(decideUrl(base, 'https://pay.vnpay.vn/vpcpay.html?vnp_Amount=1')).toEqual({ allowed: true, code: 'allowed', rule: 'allow category payments (pay.vnpay.vn)' });
    const optedOut = policyWithSites({ allowCategories: [] });
    expect(decideUrl(optedOut, 'https://pay.vnpay.vn/vpcpay.html')).toMatchObject({ allowed: false, code: 'not-allowed' });
  });

  it('opens listed hosts on sites.schemes and default ports only', () => {
    const policy = policyWithSites({ allowCategories: ['extra'], categories: { ...base.sites.categories, extra: { hosts: ['*.bank.example.vn', { host: 'pay.example.vn', note: 'Ngân hàng X / Bank X' }] } } });
    expect(decideUrl(policy, 'https://ebank.bank.example.vn/pay')).toMatchObject({ allowed: true, rule: 'allow category extra (*.bank.example.vn)' });
    expect(decideUrl(policy, 'https://pay.example.vn/')).toMatchObject({ allowed: true, rule: 'allow category extra (pay.example.vn)' });
    expect(decideUrl(policy, 'https://bank.example.vn/')).toMatchObject({ allowed: false, code: 'not-allowed' });
    expect(decideUrl(policy, 'http://pay.example.vn/')).toMatchObject({ allowed: false, code: 'not-allowed' });
    expect(decideUrl(policy, 'https://pay.example.vn:8443/')).toMatchObject({ allowed: false, code: 'port' });
  });

  it('deny rules and blocked categories still beat an allowed category', () => {
    const policy = policyWithSites({
      deny: [{ host: 'pay.example.vn' }],
      allowCategories: ['extra'],
      blockCategories: ['chat-apps', 'extra-blocked'],
      categories: { ...base.sites.categories, extra: { hosts: ['pay.example.vn', 'also.example.vn'] }, 'extra-blocked': { hosts: ['also.example.vn'] } },
    });
    expect(decideUrl(policy, 'https://pay.example.vn/')).toMatchObject({ allowed: false, code: 'deny-rule' });
    expect(decideUrl(policy, 'https://also.example.vn/')).toMatchObject({ allowed: false, code: 'category' });
  });

  // The runtime half of the guard: even when a policy was never checked (or chat-apps was unblocked),
  // an allowed category does not open chat apps or the local network.
  it.each([
    ['https://chat.zalo.me/', 'not-allowed'],
    ['https://zalo.me/', 'not-allowed'],
    ['https://web.whatsapp.com/', 'not-allowed'],
    ['https://t.me/x', 'not-allowed'],
    ['https://printer.home.local/', 'local-network'],
    ['https://router/', 'local-network'],
    ['https://192.168.1.1/', 'ip-literal'],
    ['https://127.0.0.1/', 'ip-literal'],
    ['https://[::1]/', 'ip-literal'],
  ])('never opens %s through an allowed category, even with chat-apps unblocked', (url, code) => {
    const hostile = policyWithSites({
      blockCategories: [],
      allowCategories: ['everything'],
      categories: { everything: { hosts: ['*.zalo.me', 'zalo.me', '*.whatsapp.com', 't.me', '*.home.local', 'router', '192.168.1.1', '127.0.0.1', '[::1]'] } },
    });
    expect(decideUrl(hostile, url)).toMatchObject({ allowed: false, code });
  });

  it('policy check reports unknown allowed categories and chat or local entries where they are written', () => {
    const sites = {
      ...base.sites,
      allowCategories: ['payments', 'nope', 'chat-apps', 'lan'],
      categories: { ...base.sites.categories, lan: { hosts: ['pay.example.vn', { host: '10.0.0.8', note: 'máy chủ nội bộ' }, '*.home.arpa'] } },
    };
    const issues = semanticIssues({ ...base, sites }, { platform: 'linux', env: {} });
    const at = issues.map((issue) => issue.path.join('.'));
    expect(at).toContain('sites.allowCategories.1');
    expect(issues.find((issue) => issue.path.join('.') === 'sites.allowCategories.1')?.message).toContain('unknown category "nope"');
    // Every chat-apps host is refused, each at its own entry.
    expect(at.filter((path) => path.startsWith('sites.categories.chat-apps.hosts.'))).toHaveLength(base.sites.categories['chat-apps']?.hosts.length ?? -1);
    expect(at).toContain('sites.categories.lan.hosts.1.host');
    expect(at).toContain('sites.categories.lan.hosts.2');
    expect(at).not.toContain('sites.categories.lan.hosts.0');
    expect(at.some((path) => path.startsWith('sites.categories.payments'))).toBe(false);
  });

  it('a host the policy itself lists as a chat app is refused in an allowed category too', () => {
    const sites = {
      ...base.sites,
      allowCategories: ['extra'],
      categories: { ...base.sites.categories, 'chat-apps': { hosts: ['chat.example.vn'] }, extra: { hosts: ['*.example.vn'] } },
    };
    const issues = semanticIssues({ ...base, sites }, { platform: 'linux', env: {} });
    expect(issues).toContainEqual({ path: ['sites', 'categories', 'extra', 'hosts', 0], message: expect.stringContaining('chat-apps category (chat.example.vn)') });
  });
});
