import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { attachRefusals } from '../../../main/site/refusals';
import { SITE_UNRESPONSIVE_MS } from '../../../src/shell/site-faults';
import { FakeClock } from '../../src/session/support/fake-clock';
import { preventable } from '../fakes';

function setup() {
  const contents = new EventEmitter();
  let pairing: ((details: unknown, callback: (response: { confirmed: boolean }) => void) => void) | null = null;
  const session = { setBluetoothPairingHandler: (h: typeof pairing) => void (pairing = h) };
  const clock = new FakeClock(new Date('2025-06-02T09:00:00+07:00'));
  const notices: string[] = [];
  let hung = 0;
  attachRefusals(contents as never, session, {
    notice: (kind) => void notices.push(kind),
    hung: () => void (hung += 1),
    setTimer: (ms, cb) => clock.setTimer(ms, cb),
    log: () => undefined,
  });
  return { contents, pairing: () => pairing, clock, notices, hung: () => hung };
}

describe('explicit refusals on a site view', () => {
  it('select-bluetooth-device: prevented and answered with no device (no chooser)', () => {
    const { contents } = setup();
    const event = preventable({});
    const answers: string[] = [];
    contents.emit('select-bluetooth-device', event, [{ deviceId: 'AA:BB', deviceName: 'Phone' }], (id: string) => answers.push(id));
    expect(event.prevented).toBe(true);
    expect(answers).toEqual(['']);
  });

  it('Bluetooth pairing: a handler that always denies', () => {
    const { pairing } = setup();
    const answers: unknown[] = [];
    pairing()?.({ deviceId: 'AA:BB', pairingKind: 'confirm' }, (response) => answers.push(response));
    expect(answers).toEqual([{ confirmed: false }]);
  });

  // Electron hands these to the webContents and to app with one one-time callback: app-setup answers
  // it (test/main/electron/app-setup.test.ts); answering here as well would call it twice.
  it('HTTP authentication: no sign-in box (default prevented, the app-wide handler cancels), and a notice', () => {
    const { contents, notices } = setup();
    const event = preventable({});
    const answers: unknown[][] = [];
    contents.emit('login', event, { url: 'https://intranet.example/' }, { scheme: 'basic', realm: 'x' }, (...args: unknown[]) => answers.push(args));
    expect(event.prevented).toBe(true);
    expect(answers).toEqual([]);
    expect(notices).toEqual(['login-refused']);
  });

  it('certificate-error: prevented, never answered with trust here; a notice only when the page itself was refused', () => {
    const { contents, notices } = setup();
    const trusted: boolean[] = [];
    const main = preventable({});
    contents.emit('certificate-error', main, 'https://dichvucong.gov.vn/', 'net::ERR_CERT_DATE_INVALID', {}, (t: boolean) => trusted.push(t), true);
    const frame = preventable({});
    contents.emit('certificate-error', frame, 'https://ads.example/', 'net::ERR_CERT_AUTHORITY_INVALID', {}, (t: boolean) => trusted.push(t), false);
    expect([main.prevented, frame.prevented]).toEqual([true, true]);
    expect(trusted).toEqual([]);
    expect(notices).toEqual(['certificate-refused']);
  });

  it(`a renderer unresponsive for ${SITE_UNRESPONSIVE_MS / 1000} s ends the session; one that recovers does not`, async () => {
    const { contents, clock, hung } = setup();
    contents.emit('unresponsive');
    await clock.advance(SITE_UNRESPONSIVE_MS - 1);
    contents.emit('responsive');
    await clock.advance(SITE_UNRESPONSIVE_MS);
    expect(hung()).toBe(0);
    contents.emit('unresponsive');
    contents.emit('unresponsive');
    await clock.advance(SITE_UNRESPONSIVE_MS);
    expect(hung()).toBe(1);
  });
});
