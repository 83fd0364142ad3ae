import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateAuditRecord } from '../../../src/audit/record-schema';
import { StaffAccess } from '../../../src/staff/staff-access';
import { StaffAdmin } from '../../../src/staff/staff-admin';
import { hotp, totpCode, totpStep } from '../../../src/staff/totp';
import { addAccountWithOwnSecret, staffFixture, type StaffFixture } from '../../src/staff/fakes';
import { FakeDownloadItem, preventable } from '../fakes';
import { makeShell, settle } from './harness';

/**
 * The blocked-host journal and the rehearsal as the kiosk wires them: the real guards on fake
 * Electron objects, the real session controller, and the real staff access (password + OTP) on a
 * temporary state root.
 */

let fixture: StaffFixture;
let secret: Buffer;
const adminPassword = 'Qu4n-Tri-Vien!';
const staffPassword = 'Quay-So-Mot-1';

beforeEach(async () => {
  fixture = staffFixture();
  await addAccountWithOwnSecret(fixture.deps, { id: 'it.admin', displayName: 'Trần Minh', role: 'admin', kind: 'password' }, adminPassword);
  await addAccountWithOwnSecret(fixture.deps, { id: 'quay.1', displayName: 'Lê Hoa', role: 'staff', kind: 'password' }, staffPassword);
  const admin = new StaffAdmin(fixture.deps);
  const enrolment = await admin.startTotpEnrolment('it.admin');
  secret = enrolment.secret;
  await admin.confirmTotpEnrolment(enrolment, totpCode(secret, fixture.clock.ms));
  fixture.clock.advance(30);
});
afterEach(() => fixture.cleanup());

const code = (offset = 0) => hotp(secret, totpStep(fixture.clock.ms) + offset);

async function kiosk() {
  const k = makeShell({ staff: new StaffAccess(fixture.deps) });
  await k.start(null);
  return k;
}

async function signInAdmin(k: Awaited<ReturnType<typeof kiosk>>) {
  expect(await k.handlers['staff:sign-in']('it.admin', adminPassword, code())).toMatchObject({ ok: true });
  fixture.clock.advance(30);
}

describe('blocked-host journal in a citizen session', () => {
  it('counts each refusal by host, kind and rule, and writes one record at session end', async () => {
    const k = await kiosk();
    expect(await k.handlers['kiosk:start-session'](0)).toEqual({ ok: true });
    const view = k.siteViews.last!;
    expect(view.contents.navigate('will-frame-navigate', 'https://napas.com.vn/pay?card=4111#x').prevented).toBe(true);
    // The same navigation reaching will-navigate next is not counted twice.
    expect(view.contents.navigate('will-navigate', 'https://napas.com.vn/pay?card=4111#x').prevented).toBe(true);
    expect(view.contents.navigate('will-frame-navigate', 'https://www.youtube.com/embed/v', false).prevented).toBe(true);
    view.contents.windowOpenHandler?.({ url: 'https://chat.zalo.me/share?text=Nguyen' });
    let cancelled: boolean | undefined;
    view.session.beforeRequest?.({ url: 'http://192.168.1.1/status', resourceType: 'xhr' }, (r) => (cancelled = r.cancel));
    expect(cancelled).toBe(true);
    view.session.beforeRequest?.({ url: 'wss://ws.zalo.me/socket', resourceType: 'webSocket' }, (r) => (cancelled = r.cancel));
    const item = new FakeDownloadItem('setup.exe', 10, 'https://thutuc.dichvucong.gov.vn/get?f=setup.exe');
    view.session.emit('will-download', preventable({}), item);
    expect(item.cancelled).toBe(true);
    expect(k.blockedRecords).toEqual([]);

    expect(await k.handlers['kiosk:end-session']()).toEqual({ ok: true });
    await settle();
    expect(k.blockedRecords).toHaveLength(1);
    const record = k.blockedRecords[0]!;
    expect(record).toMatchObject({ type: 'blocked', session: view.partition, otherCount: 0 });
    expect(record.hosts).toEqual(
      expect.arrayContaining([
        { host: 'napas.com.vn', kind: 'navigation', rule: 'not-allowed', count: 1 },
        { host: 'www.youtube.com', kind: 'frame', rule: 'not-allowed', count: 1 },
        { host: 'chat.zalo.me', kind: 'popup', rule: 'category:chat', count: 1 },
        { host: '192.168.1.1', kind: 'subresource', rule: 'local-network', count: 1 },
        { host: 'ws.zalo.me', kind: 'websocket', rule: 'category:chat', count: 1 },
        { host: 'thutuc.dichvucong.gov.vn', kind: 'download', rule: 'download-type', count: 1 },
      ]),
    );
    expect(record.hosts).toHaveLength(6);
    expect(validateAuditRecord(record)).toEqual(record);
    expect(JSON.stringify(record)).not.toMatch(/card|4111|Nguyen|setup|status|[/?#]/);
  });

  it('writes no record for a session with nothing blocked', async () => {
    const k = await kiosk();
    await k.handlers['kiosk:start-session'](0);
    expect(k.siteViews.last!.contents.navigate('will-navigate', 'https://thutuc.dichvucong.gov.vn/a').prevented).toBe(false);
    await k.handlers['kiosk:end-session']();
    await settle();
    expect(k.blockedRecords).toEqual([]);
    expect(k.wipes).toHaveLength(1);
  });
});

describe('rehearsal session (audit mode) through the staff actions', () => {
  it('is refused to a staff member and to an admin without a valid OTP, and a citizen start never is one', async () => {
    const k = await kiosk();
    expect(await k.handlers['staff:admin-action']('start-rehearsal', '123456')).toEqual({ ok: false, reason: 'not-signed-in' });
    expect(await k.handlers['staff:sign-in']('quay.1', staffPassword, null)).toMatchObject({ ok: true });
    expect(await k.handlers['staff:admin-action']('start-rehearsal', code())).toEqual({ ok: false, reason: 'forbidden' });
    await k.handlers['staff:sign-out']();
    await signInAdmin(k);
    expect(await k.handlers['staff:admin-action']('start-rehearsal', '000000')).toMatchObject({ ok: false, reason: 'otp-invalid' });
    expect(k.siteViews.created).toHaveLength(0);
    expect(await k.handlers['kiosk:start-session'](0)).toEqual({ ok: true });
    expect(k.window.last?.rehearsal).toBeUndefined();
    expect(k.siteViews.last!.contents.navigate('will-navigate', 'https://napas.com.vn/').prevented).toBe(true);
    // The admin's wrong OTP is not a record of its own: failed secrets are audited once per burst (sign-in-delay).
    expect(fixture.audit.records.filter((r) => r.type === 'staff' && r.action === 'start-rehearsal').map((r) => (r.type === 'staff' ? [r.staffId, r.outcome] : []))).toEqual([
      ['quay.1', 'denied'],
    ]);
  });

  it('started by an admin with password and OTP: a banner flag on every status, outside-the-allowlist navigations let through and recorded, the rest refused', async () => {
    const k = await kiosk();
    await signInAdmin(k);
    expect(await k.handlers['staff:admin-action']('start-rehearsal', code())).toEqual({ ok: true });
    expect(k.window.last).toMatchObject({ state: 'in-session', rehearsal: true });
    // The panel closed and signed the admin out: the journey runs in the site view.
    expect(k.window.last?.staff).toBeUndefined();
    expect(k.window.last?.staffPanelCommand?.action).toBe('close');
    const view = k.siteViews.last!;
    expect(view.contents.navigate('will-frame-navigate', 'https://napas.com.vn/pay').prevented).toBe(false);
    expect(view.contents.navigate('will-navigate', 'https://napas.com.vn/pay').prevented).toBe(false);
    let cancelled: boolean | undefined;
    view.session.beforeRequest?.({ url: 'https://napas.com.vn/pay', resourceType: 'mainFrame' }, (r) => (cancelled = r.cancel));
    expect(cancelled).toBe(false);
    view.contents.windowOpenHandler?.({ url: 'https://pay.vnpay.vn/checkout' });
    expect(view.contents.loaded).toContain('https://pay.vnpay.vn/checkout');
    // Still refused: chat apps, the local network, schemes, deny rules, download checks.
    expect(view.contents.navigate('will-navigate', 'https://chat.zalo.me/').prevented).toBe(true);
    expect(view.contents.navigate('will-navigate', 'http://192.168.1.1/').prevented).toBe(true);
    expect(view.contents.navigate('will-navigate', 'file:///C:/Windows/').prevented).toBe(true);
    view.session.beforeRequest?.({ url: 'https://ads.dichvucong.gov.vn/x', resourceType: 'subFrame' }, (r) => (cancelled = r.cancel));
    expect(cancelled).toBe(true);
    const item = new FakeDownloadItem('tool.exe', 10, 'https://napas.com.vn/tool.exe');
    view.session.emit('will-download', preventable({}), item);
    expect(item.cancelled).toBe(true);

    expect(await k.handlers['kiosk:end-session']()).toEqual({ ok: true });
    await settle();
    expect(k.wipes.map((w) => w.scope)).toEqual(['session']);
    expect(k.window.last?.rehearsal).toBeUndefined();
    const [record] = k.blockedRecords;
    expect(k.blockedRecords).toHaveLength(1);
    expect(record).toMatchObject({ type: 'rehearsal', session: view.partition });
    expect(record!.hosts).toEqual(
      expect.arrayContaining([
        { host: 'napas.com.vn', kind: 'navigation', rule: 'not-allowed', count: 1 },
        { host: 'pay.vnpay.vn', kind: 'popup', rule: 'not-allowed', count: 1 },
        { host: 'chat.zalo.me', kind: 'navigation', rule: 'category:chat', count: 1 },
        { host: '192.168.1.1', kind: 'navigation', rule: 'local-network', count: 1 },
        { host: 'file:', kind: 'navigation', rule: 'scheme', count: 1 },
        { host: 'ads.dichvucong.gov.vn', kind: 'frame', rule: 'deny', count: 1 },
        { host: 'napas.com.vn', kind: 'download', rule: 'download-type', count: 1 },
      ]),
    );
    expect(validateAuditRecord(record)).toEqual(record);
    // The next session is a citizen's: the allowlist refuses again.
    await k.handlers['kiosk:start-session'](0);
    expect(k.siteViews.last!.contents.navigate('will-navigate', 'https://napas.com.vn/pay').prevented).toBe(true);
  });

  it('cannot start over an open citizen session', async () => {
    const k = await kiosk();
    await k.handlers['kiosk:start-session'](0);
    await signInAdmin(k);
    expect(await k.handlers['staff:admin-action']('start-rehearsal', code())).toEqual({ ok: false, reason: 'failed', message: 'not-ready' });
    expect(k.siteViews.created).toHaveLength(1);
  });
});

describe('blocked today on the staff panel', () => {
  it('answers only a signed-in staff member', async () => {
    const k = await kiosk();
    expect(await k.handlers['staff:blocked-today']()).toBeNull();
  });
});
