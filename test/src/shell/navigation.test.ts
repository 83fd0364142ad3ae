import { describe, expect, it } from 'vitest';
import { decideNavigation, decideWindowOpen } from '../../../src/shell/navigation';
import { testPolicy } from './policy-fixture';

const policy = testPolicy();
const main = (url: string) => decideNavigation(policy, { url, isMainFrame: true });
const frame = (url: string) => decideNavigation(policy, { url, isMainFrame: false });

describe('decideNavigation: allowed sites', () => {
  it.each([
    ['https://dichvucong.gov.vn/', 'allowed'],
    ['https://thutuc.dichvucong.gov.vn/p/home?x=1#top', 'allowed'],
    ['https://DICHVUCONG.gov.vn./', 'allowed'],
    ['https://portal.example.vn:8443/login', 'allowed'],
    ['about:blank', 'allowed'],
  ])('%s is allowed in the main frame (%s)', (url, code) => {
    expect(main(url)).toMatchObject({ allow: true, code });
  });
});

// The escapes a kiosk browser is tried with: schemes into the computer or the browser's internals,
// look-alike hosts, hidden credentials, chat apps, ports and addresses the policy never named.
const breakouts: [string, string][] = [
  ['file:///C:/Windows/System32/cmd.exe', 'scheme'],
  ['file:///etc/passwd', 'scheme'],
  ['chrome://settings', 'scheme'],
  ['chrome://downloads', 'scheme'],
  ['devtools://devtools/bundled/inspector.html', 'scheme'],
  ['view-source:https://dichvucong.gov.vn/', 'scheme'],
  ['javascript:alert(1)', 'scheme'],
  ['data:text/html,<script>alert(1)</script>', 'scheme'],
  ['ms-settings:display', 'scheme'],
  ['search-ms:query=cmd', 'scheme'],
  ['app://kiosk/index.html', 'scheme'],
  ['ftp://dichvucong.gov.vn/', 'scheme'],
  ['http://dichvucong.gov.vn/', 'scheme'],
  ['https://dichvucong.gov.vn@evil.example/', 'userinfo'],
  ['https://user:pw@dichvucong.gov.vn/', 'userinfo'],
  ['https://dichvucong.gov.vn.evil.example/', 'not-allowed'],
  ['https://evildichvucong.gov.vn/', 'not-allowed'],
  ['https://dichvucong-gov.vn/', 'not-allowed'],
  ['https://ads.dichvucong.gov.vn/', 'deny-rule'],
  ['https://chat.zalo.me/', 'category'],
  ['https://zalo.me/', 'category'],
  ['https://www.messenger.com/t/1', 'category'],
  ['https://viber.com/', 'category'],
  ['https://dichvucong.gov.vn:8443/', 'port'],
  ['https://127.0.0.1/', 'ip-literal'],
  ['https://[::1]/', 'ip-literal'],
  ['https://2130706433/', 'ip-literal'],
  ['https://www.google.com/', 'not-allowed'],
  ['not a url', 'invalid-url'],
  ['about:blank#x', 'scheme'],
  ['about:srcdoc', 'scheme'],
];

describe('decideNavigation: the breakout list is refused', () => {
  it.each(breakouts)('main frame: %s → %s', (url, code) => {
    expect(main(url)).toMatchObject({ allow: false, code });
  });
  it.each(breakouts.filter(([url]) => url !== 'about:srcdoc'))('sub frame: %s → %s', (url, code) => {
    expect(frame(url)).toMatchObject({ allow: false, code });
  });
});

describe('decideNavigation: inner documents', () => {
  it('allows about:srcdoc only in a frame', () => {
    expect(frame('about:srcdoc')).toMatchObject({ allow: true, code: 'inline-frame' });
    expect(main('about:srcdoc').allow).toBe(false);
  });
  it.each([
    ['blob:https://dichvucong.gov.vn/6f1c2c9e-0a8b-4d6f-9c3e-3b2a1f0e9d8c', true, 'same-origin-blob'],
    ['blob:https://thutuc.dichvucong.gov.vn/6f1c2c9e', true, 'same-origin-blob'],
    ['blob:https://chat.zalo.me/6f1c2c9e', false, 'category'],
    ['blob:https://evil.example/6f1c2c9e', false, 'not-allowed'],
    ['blob:null/6f1c2c9e', false, 'scheme'],
    ['blob:file:///6f1c2c9e', false, 'scheme'],
  ])('%s → allow %s (%s), in any frame', (url, allow, code) => {
    expect(main(url)).toMatchObject({ allow, code });
    expect(frame(url)).toMatchObject({ allow, code });
  });
});

describe('decideNavigation: blocklist mode', () => {
  const open = testPolicy((p) => {
    p.sites.mode = 'blocklist';
  });
  it('lets other https sites through but never a blocked category', () => {
    expect(decideNavigation(open, { url: 'https://www.google.com/', isMainFrame: true }).allow).toBe(true);
    expect(decideNavigation(open, { url: 'https://chat.zalo.me/', isMainFrame: true })).toMatchObject({ allow: false, code: 'category' });
    expect(decideNavigation(open, { url: 'file:///etc/passwd', isMainFrame: false })).toMatchObject({ allow: false, code: 'scheme' });
  });
});

describe('decideWindowOpen', () => {
  it.each([
    ['https://thutuc.dichvucong.gov.vn/receipt', true],
    ['blob:https://dichvucong.gov.vn/6f1c2c9e', true],
    ['https://chat.zalo.me/share?u=x', false],
    ['https://evil.example/', false],
    ['about:blank', false],
    ['', false],
    ['file:///C:/', false],
    ['javascript:void(0)', false],
  ])('%s → open in the same view: %s', (url, same) => {
    expect(decideWindowOpen(policy, url).openInSameView).toBe(same);
  });
});
