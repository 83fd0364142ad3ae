import { describe, expect, it } from 'vitest';
import { decideRequest, requestTypeOf, requestTypes, type RequestType } from '../../../src/shell/requests';
import { testPolicy } from './policy-fixture';

const policy = testPolicy();

describe('decideRequest', () => {
  it.each([
    // type, URL, allowed, code
    ['main-frame', 'https://dichvucong.gov.vn/', true, 'allowed'],
    ['main-frame', 'https://www.google.com/', false, 'not-allowed'],
    ['main-frame', 'https://chat.zalo.me/', false, 'category'],
    ['sub-frame', 'https://www.youtube.com/embed/x', false, 'not-allowed'],
    ['sub-frame', 'https://thutuc.dichvucong.gov.vn/frame', true, 'allowed'],
    ['subresource', 'https://cdn.jsdelivr.net/npm/x.js', true, 'allowed'],
    ['subresource', 'https://thutuc.dichvucong.gov.vn/logo.png', true, 'allowed'],
    ['subresource', 'https://chat.zalo.me/api/send', false, 'category'],
    ['subresource', 'https://ads.dichvucong.gov.vn/track', false, 'deny-rule'],
    ['subresource', 'https://www.messenger.com/beacon', false, 'category'],
    ['subresource', 'https://sp.zalo.me/plugins/sdk.js', false, 'category'],
    ['websocket', 'wss://ws.zalo.me/socket', false, 'category'],
    ['websocket', 'wss://thutuc.dichvucong.gov.vn/live', true, 'allowed'],
    ['websocket', 'wss://cdn.example/live', true, 'allowed'],
    ['subresource', 'https://user:pw@cdn.example/x', false, 'userinfo'],
    ['subresource', 'https://cdn.example:8443/x.js', true, 'allowed'],
    ['subresource', 'data:image/png;base64,iVBORw0KGgo=', true, 'allowed'],
    ['subresource', 'not a url', false, 'invalid-url'],
  ] as const)('%s %s → %s (%s)', (type, url, allow, code) => {
    expect(decideRequest(policy, { url, type })).toMatchObject({ allow, code });
  });
});

/**
 * Every way a page could write "the local network": the WHATWG parser (Chromium's too) turns the
 * odd IPv4 spellings into dotted quads and IPv6 into its short form before the rules see them.
 */
const localUrls: readonly [string, string][] = [
  // loopback, every spelling
  ['http://127.0.0.1/', 'ip-literal'],
  ['http://127.0.0.1:9222/json', 'ip-literal'],
  ['http://127.1/', 'ip-literal'],
  ['http://2130706433/', 'ip-literal'],
  ['http://0x7f000001/', 'ip-literal'],
  ['http://0177.0.0.1/', 'ip-literal'],
  ['http://0x7f.1/', 'ip-literal'],
  ['http://127.255.255.254/', 'ip-literal'],
  ['http://[::1]/', 'ip-literal'],
  ['http://[0:0:0:0:0:0:0:1]/', 'ip-literal'],
  ['http://[::ffff:127.0.0.1]/', 'ip-literal'],
  ['http://[::ffff:7f00:1]/', 'ip-literal'],
  ['http://[::127.0.0.1]/', 'ip-literal'],
  ['http://[::ffff:0:127.0.0.1]/', 'ip-literal'],
  ['http://①②⑦.0.0.1/', 'ip-literal'],
  ['http://１２７.０.０.１/', 'ip-literal'],
  ['http://127.0.0.1./', 'ip-literal'],
  // "this host" and unspecified
  ['http://0.0.0.0:8080/', 'ip-literal'],
  ['http://0/', 'ip-literal'],
  ['http://[::]/', 'ip-literal'],
  // private ranges
  ['http://10.0.0.1/', 'ip-literal'],
  ['http://172.16.0.1/', 'ip-literal'],
  ['http://172.31.255.255/', 'ip-literal'],
  ['http://192.168.1.1/', 'ip-literal'],
  ['http://3232235777/', 'ip-literal'],
  ['http://0xc0a80101/', 'ip-literal'],
  ['http://0300.0250.01.01/', 'ip-literal'],
  ['http://192.168.257/', 'ip-literal'],
  ['http://[::ffff:192.168.1.1]/', 'ip-literal'],
  ['http://[::ffff:c0a8:101]/', 'ip-literal'],
  ['http://[64:ff9b::c0a8:101]/', 'ip-literal'],
  // link-local, CGNAT, unique-local, multicast, broadcast
  ['http://169.254.169.254/latest/meta-data/', 'ip-literal'],
  ['http://100.64.0.1/', 'ip-literal'],
  ['http://100.127.255.254/', 'ip-literal'],
  ['http://[fe80::1]/', 'ip-literal'],
  ['http://[fd12:3456:789a::1]/', 'ip-literal'],
  ['http://[fc00::1]/', 'ip-literal'],
  ['http://[ff02::1]/', 'ip-literal'],
  ['http://224.0.0.251/', 'ip-literal'],
  ['http://255.255.255.255/', 'ip-literal'],
  // public addresses are IP literals too: no rule names them
  ['http://8.8.8.8/', 'ip-literal'],
  ['http://100.128.0.1/', 'ip-literal'],
  ['http://[2001:4860:4860::8888]/', 'ip-literal'],
  // names only a local resolver answers
  ['http://localhost/', 'local-network'],
  ['http://LOCALHOST./', 'local-network'],
  ['http://LocalHost%2E/', 'local-network'],
  ['http://localhost../', 'local-network'],
  ['http://app.localhost../', 'local-network'],
  ['http://localhost:3000/api', 'local-network'],
  ['http://app.localhost/', 'local-network'],
  ['http://router/', 'local-network'],
  ['http://printer.local/', 'local-network'],
  ['http://nas.home.arpa/', 'local-network'],
  ['http://build.internal/', 'local-network'],
  ['http://modem.lan/', 'local-network'],
  ['http://localhost.localdomain/', 'local-network'],
];

describe('the local network, from every kind of request', () => {
  const types: RequestType[] = ['sub-frame', 'subresource', 'websocket', 'main-frame'];
  const cases = localUrls.flatMap(([url, code]) => types.map((type) => [type, url, code] as const));
  it.each(cases)('%s %s → refused (%s)', (type, url, code) => {
    const asRequested = type === 'websocket' ? url.replace(/^http/, 'ws') : url;
    expect(decideRequest(policy, { url: asRequested, type })).toMatchObject({ allow: false, code });
  });

  it('says which local range it is', () => {
    expect(decideRequest(policy, { url: 'http://3232235777/', type: 'subresource' }).rule).toBe(
      'deny IP address 192.168.1.1 on the local network: private (RFC 1918) (no rule names it)',
    );
    expect(decideRequest(policy, { url: 'ws://[::ffff:a9fe:a9fe]/', type: 'websocket' }).rule).toContain('link-local, embedded in IPv6');
    expect(decideRequest(policy, { url: 'http://100.64.1.1/', type: 'subresource' }).rule).toContain('carrier-grade NAT');
    expect(decideRequest(policy, { url: 'http://[::ffff:0:192.168.0.1]/', type: 'subresource' }).rule).toContain('private (RFC 1918), embedded in IPv6');
    expect(decideRequest(policy, { url: 'http://8.8.8.8/', type: 'subresource' }).rule).toBe('deny IP address 8.8.8.8 (no rule names it)');
    expect(decideRequest(policy, { url: 'https://app.localhost/', type: 'sub-frame' }).rule).toBe(
      'deny local network host app.localhost: local name (.localhost) (no rule names it)',
    );
  });

  it('keeps public hosts that only look local allowed as subresources', () => {
    for (const url of ['https://localhost.example.com/x.js', 'https://local.gov.vn/x.js', 'https://lan.vn/x.js', 'https://internal-cdn.example/x.js', 'https://home.example/x.js']) {
      expect(decideRequest(policy, { url, type: 'subresource' }), url).toMatchObject({ allow: true });
    }
  });

  it('lets through a local host a rule names, and only that one', () => {
    const named = testPolicy((p) => {
      p.sites.allow.push({ host: '192.168.1.10', schemes: ['http'] }, { host: 'scanner.local', schemes: ['https'] });
    });
    expect(decideRequest(named, { url: 'http://192.168.1.10/scan', type: 'subresource' })).toMatchObject({ allow: true, code: 'allowed' });
    expect(decideRequest(named, { url: 'http://3232235786/scan', type: 'sub-frame' })).toMatchObject({ allow: true, code: 'allowed' });
    expect(decideRequest(named, { url: 'ws://192.168.1.10/live', type: 'websocket' })).toMatchObject({ allow: true });
    expect(decideRequest(named, { url: 'https://scanner.local/', type: 'main-frame' })).toMatchObject({ allow: true, rule: 'allow scanner.local' });
    expect(decideRequest(named, { url: 'http://192.168.1.11/', type: 'subresource' })).toMatchObject({ allow: false, code: 'ip-literal' });
    expect(decideRequest(named, { url: 'https://printer.local/', type: 'subresource' })).toMatchObject({ allow: false, code: 'local-network' });
  });

  it('refuses the local network in blocklist mode too, and a deny rule still beats a naming allow rule', () => {
    const blocklist = testPolicy((p) => {
      p.sites.mode = 'blocklist';
      p.sites.schemes = ['https', 'http'];
      p.sites.allow.push({ host: '10.1.1.1' });
      p.sites.deny.push({ host: '10.1.1.1' });
    });
    expect(decideRequest(blocklist, { url: 'https://news.example/', type: 'main-frame' })).toMatchObject({ allow: true });
    expect(decideRequest(blocklist, { url: 'http://localhost:8080/', type: 'main-frame' })).toMatchObject({ allow: false, code: 'local-network' });
    expect(decideRequest(blocklist, { url: 'http://intranet/', type: 'sub-frame' })).toMatchObject({ allow: false, code: 'local-network' });
    expect(decideRequest(blocklist, { url: 'https://10.1.1.1/', type: 'subresource' })).toMatchObject({ allow: false, code: 'deny-rule' });
  });
});

describe('requestTypeOf', () => {
  it.each([
    ['mainFrame', 'main-frame'],
    ['subFrame', 'sub-frame'],
    // <object>/<embed> documents are frames by another name: judged by the navigation rules
    ['object', 'sub-frame'],
    ['webSocket', 'websocket'],
    ['script', 'subresource'],
    ['xhr', 'subresource'],
    ['ping', 'subresource'],
    ['media', 'subresource'],
    ['cspReport', 'subresource'],
    ['other', 'subresource'],
    ['somethingNew', 'subresource'],
  ] as const)('%s → %s', (resourceType, type) => {
    expect(requestTypeOf(resourceType)).toBe(type);
    expect(requestTypes).toContain(type);
  });

  it('judges an <object> document from a host not allowed as a frame (refused), not as a CDN subresource', () => {
    expect(decideRequest(policy, { url: 'https://evil.example/page.html', type: requestTypeOf('object') })).toMatchObject({ allow: false, code: 'not-allowed' });
    expect(decideRequest(policy, { url: 'https://evil.example/page.html', type: requestTypeOf('image') })).toMatchObject({ allow: true });
  });
});
