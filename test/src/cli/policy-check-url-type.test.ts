import { afterAll, describe, expect, it } from 'vitest';
import { decideRequest, type RequestType } from '../../../src/shell/requests';
import { runCli } from '../../support/cli';
import { bundledPolicy, policyDir } from '../policy/fixtures';

interface Decision {
  url: string;
  type: string;
  allowed: boolean;
  code: string;
  rule: string;
}

// [type, url, allowed, code] against the bundled policies/default.yaml, decided by the real CLI process.
const cases: [RequestType, string, boolean, string][] = [
  ['sub-frame', 'https://xacthuc.dichvucong.gov.vn/login', true, 'allowed'],
  ['sub-frame', 'https://www.youtube.com/embed/x', false, 'not-allowed'],
  ['sub-frame', 'about:srcdoc', true, 'inline-frame'],
  ['sub-frame', 'http://192.168.1.1/', false, 'ip-literal'],
  ['sub-frame', 'http://localhost:8080/', false, 'local-network'],
  ['subresource', 'https://cdn.jsdelivr.net/npm/x.js', true, 'allowed'],
  ['subresource', 'https://fonts.gstatic.com/s/roboto.woff2', true, 'allowed'],
  ['subresource', 'https://chat.zalo.me/api/send', false, 'category'],
  ['subresource', 'http://192.168.1.1/cgi-bin/reboot', false, 'ip-literal'],
  ['subresource', 'http://3232235777/', false, 'ip-literal'],
  ['subresource', 'http://0xc0a80101/', false, 'ip-literal'],
  ['subresource', 'http://[::ffff:c0a8:101]/', false, 'ip-literal'],
  ['subresource', 'http://[::ffff:192.168.1.1]/', false, 'ip-literal'],
  ['subresource', 'http://127.0.0.1:9222/json', false, 'ip-literal'],
  ['subresource', 'http://0.0.0.0:631/', false, 'ip-literal'],
  ['subresource', 'http://[::]/', false, 'ip-literal'],
  ['subresource', 'http://[::1]:3000/', false, 'ip-literal'],
  ['subresource', 'http://169.254.169.254/latest/meta-data/', false, 'ip-literal'],
  ['subresource', 'http://100.64.0.1/', false, 'ip-literal'],
  ['subresource', 'http://[fd00::1]/', false, 'ip-literal'],
  ['subresource', 'http://localhost/', false, 'local-network'],
  ['subresource', 'http://app.localhost/', false, 'local-network'],
  ['subresource', 'http://printer/', false, 'local-network'],
  ['websocket', 'wss://thutuc.dichvucong.gov.vn/live', true, 'allowed'],
  ['websocket', 'wss://ws.zalo.me/socket', false, 'category'],
  ['websocket', 'ws://127.0.0.1:8080/', false, 'ip-literal'],
  ['websocket', 'ws://localhost:9229/', false, 'local-network'],
  ['main-frame', 'https://cdn.jsdelivr.net/npm/x.js', false, 'not-allowed'],
];

const files = policyDir();
afterAll(() => files.cleanup());

describe('public-kiosk policy check-url --type', () => {
  const types = [...new Set(cases.map(([type]) => type))];
  const runs = new Map(types.map((type) => {
    const urls = cases.filter(([t]) => t === type).map(([, url]) => url);
    const run = runCli(['policy', 'check-url', '--type', type, '--json', ...urls]);
    return [type, { run, decisions: JSON.parse(run.code === 0 ? run.stdout : '[]') as Decision[] }];
  }));

  it.each(types)('--type %s decides every URL (exit 0)', (type) => {
    const { run, decisions } = runs.get(type)!;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(decisions.length).toBe(cases.filter(([t]) => t === type).length);
    expect(decisions.every((d) => d.type === type)).toBe(true);
  });

  it.each(cases)('--type %s %s → allowed %s (%s)', (type, url, allowed, code) => {
    const decision = runs.get(type)!.decisions.find((d) => d.url === url);
    expect(decision).toMatchObject({ allowed, code });
    expect(decision?.rule).toMatch(allowed ? /^allow / : /^deny/);
  });

  it('prints exactly the decision the kiosk makes (the same function, the same policy)', () => {
    const policy = bundledPolicy();
    for (const [type, url] of cases) {
      const kiosk = decideRequest(policy, { url, type });
      expect(runs.get(type)!.decisions.find((d) => d.url === url)).toEqual({ url, type, allowed: kiosk.allow, code: kiosk.code, rule: kiosk.rule });
    }
  });

  it('the same URL gets a different answer as a page and as a script from a CDN, in text too', () => {
    const url = 'https://cdn.jsdelivr.net/npm/x.js';
    const page = runCli(['policy', 'check-url', url]);
    const script = runCli(['policy', 'check-url', '--type', 'subresource', url]);
    expect(page).toMatchObject({ code: 0, stderr: '' });
    expect(script).toMatchObject({ code: 0, stderr: '' });
    expect(page.stdout.replace(/\s+/g, ' ').trim()).toBe(`deny ${url} deny not in allowlist`);
    expect(script.stdout.replace(/\s+/g, ' ').trim()).toBe(`allow ${url} allow subresource from a host not denied`);
    const router = runCli(['policy', 'check-url', '--type', 'websocket', 'ws://192.168.1.1/']);
    expect(router.stdout.replace(/\s+/g, ' ').trim()).toBe('deny ws://192.168.1.1/ deny IP address 192.168.1.1 on the local network: private (RFC 1918) (no rule names it)');
  });

  it('a rule naming a local host lets it through, as in the kiosk', () => {
    const file = files.write('scanner.yaml', [
      'sites:',
      '  allow:',
      '    - host: dichvucong.gov.vn',
      '    - host: 192.168.1.50',
      '      schemes: [http]',
      'services:',
      '  - name: { vi: "Dịch vụ công", en: "Public services" }',
      '    url: https://dichvucong.gov.vn/',
      '',
    ].join('\n'));
    const result = runCli(['policy', 'check-url', '--policy', file, '--type', 'subresource', '--json', 'http://192.168.1.50/scan.jpg', 'http://192.168.1.51/']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject([
      { allowed: true, code: 'allowed', rule: 'allow 192.168.1.50' },
      { allowed: false, code: 'ip-literal' },
    ]);
  });

  it.each([['bogus'], ['mainFrame'], ['MAIN-FRAME'], ['']])('--type %j is refused with exit 2 and nothing on stdout', (type) => {
    const result = runCli(['policy', 'check-url', '--type', type, 'https://dichvucong.gov.vn/']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--type must be one of main-frame, sub-frame, subresource, websocket');
  });
});
