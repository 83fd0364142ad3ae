import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { escapeRegExp, policyDir } from '../policy/fixtures';

// [url, allowed, code] against the bundled policies/default.yaml, decided by the real CLI process.
const cases: [string, boolean, string][] = [
  // the portals themselves
  ['https://dichvucong.gov.vn/', true, 'allowed'],
  ['https://dichvucong.gov.vn/p/home/dvc-trang-chu.html', true, 'allowed'],
  ['https://xacthuc.dichvucong.gov.vn/', true, 'allowed'],
  ['https://dichvucong.moh.gov.vn/', true, 'allowed'],
  ['https://dichvucong.baohiemxahoi.gov.vn/', true, 'allowed'],
  ['https://sso.dancuquocgia.gov.vn/auth', true, 'allowed'],
  ['https://dichvucong.gov.vn:443/', true, 'allowed'],
  ['https:dichvucong.gov.vn', true, 'allowed'], // the parser reads it as https://dichvucong.gov.vn/, as browsers do
  ['https://dichvucong.gov.vn\\@evil.example/', true, 'allowed'], // "\" ends the host: the page is on dichvucong.gov.vn
  ['https://zalo.me.dichvucong.gov.vn/', true, 'allowed'], // a subdomain of the portal; "zalo.me" is no substring rule
  // mixed case and trailing dot
  ['https://DichVuCong.GOV.VN/', true, 'allowed'],
  ['https://dichvucong.gov.vn./', true, 'allowed'],
  ['https://dichvucong.gov.vn../', false, 'not-allowed'],
  // only the named host, not its parent
  ['https://dancuquocgia.gov.vn/', false, 'not-allowed'],
  // http downgrade and other schemes
  ['http://dichvucong.gov.vn/', false, 'scheme'],
  ['ftp://dichvucong.gov.vn/', false, 'scheme'],
  ['ws://dichvucong.gov.vn/', false, 'scheme'],
  ['file:///etc/passwd', false, 'scheme'],
  ['file://C:/Windows/System32/', false, 'scheme'],
  ['chrome://settings', false, 'scheme'],
  ['devtools://devtools/bundled/inspector.html', false, 'scheme'],
  ['javascript:alert(1)', false, 'scheme'],
  ['data:text/html,<script>alert(1)</script>', false, 'scheme'],
  ['view-source:https://dichvucong.gov.vn/', false, 'scheme'],
  // a blob: an allowed portal made opens as the kiosk opens it (same origin); one from elsewhere does not
  ['blob:https://dichvucong.gov.vn/0b0e7c4e-7b3f-4d3e-9a43-2f0d5c3e5a11', true, 'same-origin-blob'],
  ['blob:https://evil.example/0b0e7c4e-7b3f-4d3e-9a43-2f0d5c3e5a11', false, 'not-allowed'],
  ['blob:null/0b0e7c4e-7b3f-4d3e-9a43-2f0d5c3e5a11', false, 'scheme'],
  ['about:config', false, 'scheme'],
  ['about:blank', true, 'allowed'],
  // user info
  ['https://dichvucong.gov.vn@evil.example/', false, 'userinfo'],
  ['https://user:pass@dichvucong.gov.vn/', false, 'userinfo'],
  // look-alikes, substrings in paths, queries and fragments
  ['https://dichvucong.gov.vn.evil.example/', false, 'not-allowed'],
  ['https://evil-dichvucong.gov.vn/', false, 'not-allowed'],
  ['https://dichvucong.gov.vn%2eevil.example/', false, 'not-allowed'],
  ['https://evil.example/dichvucong.gov.vn', false, 'not-allowed'],
  ['https://evil.example/?next=https://dichvucong.gov.vn/', false, 'not-allowed'],
  ['https://evil.example/#https://dichvucong.gov.vn/', false, 'not-allowed'],
  // punycode look-alikes (dịchvucong with a dot below)
  ['https://xn--dchvucong-0k7d.gov.vn/', false, 'not-allowed'],
  ['https://dịchvucong.gov.vn/', false, 'not-allowed'],
  // ports
  ['https://dichvucong.gov.vn:8443/', false, 'port'],
  ['https://evil.example:8080/', false, 'port'],
  // IP literals in every spelling the parser normalises
  ['https://127.0.0.1/', false, 'ip-literal'],
  ['https://2130706433/', false, 'ip-literal'],
  ['https://0x7f.0.0.1/', false, 'ip-literal'],
  ['https://0177.0.0.1/', false, 'ip-literal'],
  ['https://[::1]/', false, 'ip-literal'],
  ['https://[::ffff:127.0.0.1]/', false, 'ip-literal'],
  // the local network by name
  ['https://localhost/', false, 'local-network'],
  ['https://router/', false, 'local-network'],
  ['https://printer.local/', false, 'local-network'],
  // chat apps and their subdomains, even disguised
  ['https://zalo.me/', false, 'category'],
  ['https://chat.zalo.me/', false, 'category'],
  ['https://id.zalo.me/account?continue=https%3A%2F%2Fchat.zalo.me%2F', false, 'category'],
  ['https://moh.gov.vn.zalo.me/', false, 'category'],
  ['https://www.facebook.com/', false, 'category'],
  ['https://www.messenger.com/t/1', false, 'category'],
  ['https://m.me/someone', false, 'category'],
  ['https://www.viber.com/', false, 'category'],
  ['https://web.telegram.org/k/', false, 'category'],
  ['https://t.me/someone', false, 'category'],
  ['https://web.whatsapp.com/', false, 'category'],
  ['https://WEB.WhatsApp.COM./', false, 'category'],
  ['https://wa.me/84900000000', false, 'category'],
  // not a URL at all
  ['not a url', false, 'invalid-url'],
];

interface Decision {
  url: string;
  type: string;
  allowed: boolean;
  code: string;
  rule: string;
}

const files = policyDir();
afterAll(() => files.cleanup());

describe('public-kiosk policy check-url', () => {
  const run = runCli(['policy', 'check-url', '--json', ...cases.map(([url]) => url)]);
  const decisions = JSON.parse(run.code === 0 ? run.stdout : '[]') as Decision[];

  it(`decides all ${cases.length} URLs in one run (exit 0)`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(decisions.map((d) => d.url)).toEqual(cases.map(([url]) => url));
    expect(new Set(decisions.map((d) => d.type))).toEqual(new Set(['main-frame']));
  });

  it.each(cases.map(([url, allowed, code], index) => [url, allowed, code, index] as const))('%s → allowed %s (%s)', (url, allowed, code, index) => {
    const decision = decisions[index];
    expect(decision?.url).toBe(url);
    expect(decision?.allowed).toBe(allowed);
    expect(decision?.code).toBe(code);
    expect(decision?.rule).toMatch(allowed ? /^allow / : /^deny/);
  });

  it('names the deciding rule in plain text', () => {
    const result = runCli(['policy', 'check-url', 'https://xacthuc.dichvucong.gov.vn/', 'https://chat.zalo.me/', 'file:///etc/passwd', 'https://example.com/']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([
      'allow https://xacthuc.dichvucong.gov.vn/ allow *.dichvucong.gov.vn',
      'deny https://chat.zalo.me/ deny category chat-apps (*.zalo.me)',
      'deny file:///etc/passwd deny scheme file:',
      'deny https://example.com/ deny not in allowlist',
      '',
    ]);
  });

  it('uses --policy: a rule there changes the decision', () => {
    const file = files.write('intranet.yaml', [
      'sites:',
      '  allow:',
      '    - host: dichvucong.gov.vn',
      '    - host: 10.0.0.5',
      '      ports: [8443]',
      '  deny:',
      '    - host: dichvucong.gov.vn',
      'services:',
      '  - name: { vi: "Mạng nội bộ", en: "Intranet" }',
      '    url: https://10.0.0.5:8443/',
      '',
    ].join('\n'));
    const result = runCli(['policy', 'check-url', '--policy', file, '--json', 'https://10.0.0.5:8443/', 'https://dichvucong.gov.vn/']);
    expect(result.code).toBe(0);
    const [ip, denied] = JSON.parse(result.stdout) as Decision[];
    expect(ip).toMatchObject({ allowed: true, rule: 'allow 10.0.0.5' });
    expect(denied).toMatchObject({ allowed: false, code: 'deny-rule', rule: 'deny dichvucong.gov.vn' });
  });

  it('exits 2 with the problems when the policy is invalid, and 2 without a URL', () => {
    const bad = files.write('bad.yaml', 'sites:\n  allow:\n    - host: "*.gov.*"\n');
    const result = runCli(['policy', 'check-url', '--policy', bad, 'https://dichvucong.gov.vn/']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`${escapeRegExp(bad)}:3:\\d+ sites\\.allow\\[0\\]\\.host: `));
    expect(runCli(['policy', 'check-url'])).toMatchObject({ code: 2, stderr: expect.stringContaining('at least one URL') });
  });

  it('--help describes the options', () => {
    const result = runCli(['policy', 'check-url', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: public-kiosk policy check-url [--type main-frame|sub-frame|subresource|websocket] [--policy FILE] [--json] URL...');
    expect(result.stdout).toContain('--type VALUE');
    expect(result.stdout).toContain('--json');
    expect(result.stdout).toContain('--policy VALUE');
  });
});
