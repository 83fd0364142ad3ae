import { describe, expect, it } from 'vitest';
import { decideUrl } from '../../../src/policy/url-rules';
import { bundledPolicy } from './fixtures';

// What the bundled default.yaml promises a Vietnamese one-stop centre, checked as a whole.
describe('policies/default.yaml', () => {
  const policy = bundledPolicy();

  it('is an allowlist, https only, with the chat-apps category blocked', () => {
    expect(policy.sites.mode).toBe('allowlist');
    expect(policy.sites.schemes).toEqual(['https']);
    expect(policy.sites.blockCategories).toContain('chat-apps');
  });

  it.each(['https://zalo.me/', 'https://chat.zalo.me/', 'https://id.zalo.me/account', 'https://www.viber.com/', 'https://www.facebook.com/',
    'https://www.messenger.com/', 'https://m.me/x', 'https://web.telegram.org/k/', 'https://t.me/x', 'https://web.whatsapp.com/', 'https://wa.me/84900000000',
  ])('blocks the chat app %s', (url) => {
    expect(decideUrl(policy, url)).toMatchObject({ allowed: false, code: 'category' });
  });

  // The whole journey (docs/SITES.md): sign in, file (ministry portals), pay, and the local network stays shut.
  it.each([
    'https://sso.dancuquocgia.gov.vn/auth', 'https://xacthuc.dichvucong.gov.vn/', 'https://thanhtoan.dichvucong.gov.vn/',
    'https://dichvucongnganhtuphap.moj.gov.vn/tra-cuu-tinh-trang-ho-so', 'https://tokhaidientu.moj.gov.vn/', 'https://kcb.vn/',
    'https://pay.gov.vn/', 'https://www.pay.gov.vn/', 'https://pay.vnpay.vn/vpcpay.html', 'https://payment.momo.vn/v2/gateway/pay',
  ])('allows the journey step %s', (url) => {
    expect(decideUrl(policy, url).allowed).toBe(true);
  });

  it.each(['https://sandbox.vnpayment.vn/paymentv2/vpcpay.html', 'https://test-payment.momo.vn/', 'https://moj.gov.vn.evil.example/', 'https://192.168.1.1/', 'https://localhost/'])(
    'does not allow %s (test gateways, look-alikes, the local network)', (url) => {
      expect(decideUrl(policy, url).allowed).toBe(false);
    });

  it('names who runs each payments host', () => {
    for (const entry of policy.sites.categories.payments?.hosts ?? []) {
      expect(typeof entry === 'string' ? undefined : entry.note, JSON.stringify(entry)).toMatch(/\S+ \/ \S+/);
    }
    expect(policy.sites.categories.payments?.hosts.length).toBeGreaterThanOrEqual(4);
  });

  it('allows every welcome tile, and the tiles are named in Vietnamese and English', () => {
    expect(policy.services.length).toBeGreaterThanOrEqual(4);
    for (const service of policy.services) {
      expect(decideUrl(policy, service.url).allowed, service.url).toBe(true);
      expect(service.name.vi).not.toBe(service.name.en);
    }
  });

  it('ends shifts at 11:30 and 17:00, Monday to Friday, in Asia/Ho_Chi_Minh', () => {
    expect(policy.schedule).toMatchObject({ timeZone: 'Asia/Ho_Chi_Minh', shiftEnds: ['11:30', '17:00'], days: ['mon', 'tue', 'wed', 'thu', 'fri'] });
  });

  it('sets data paths for Windows and Linux, downloads with a size cap, printing, vi + en', () => {
    for (const root of [policy.paths.sessionData, policy.paths.downloads, policy.paths.state]) {
      expect(root).toMatchObject({ windows: expect.stringMatching(/^\$\{ProgramData\}\\public-kiosk\\/), linux: expect.stringMatching(/^\/var\/lib\/public-kiosk\//) });
    }
    expect(policy.downloads).toMatchObject({ enabled: true, allowedExtensions: expect.arrayContaining(['pdf', 'jpg', 'png', 'docx']) });
    expect(policy.downloads.maxSizeMB).toBeGreaterThan(0);
    expect(policy.printing).toEqual({ mode: 'silent', printer: '' });
    expect(policy.ui).toMatchObject({ language: 'vi', languages: ['vi', 'en'] });
    // None by default: a listed service on a machine without a credential store fails every shift wipe.
    expect(policy.wipe.credentialServices).toEqual([]);
  });
});
