import { describe, expect, it, vi } from 'vitest';
import { siteRequestSchemas } from '../../../src/ipc/contract';
import type { InvokeEventLike } from '../../../main/ipc/dispatch';
import { createSiteDispatcher, siteChannels } from '../../../main/ipc/site-dispatch';

const SITE = 12;
const top: InvokeEventLike = { sender: { id: SITE }, senderFrame: { url: 'https://dichvucong.gov.vn/', parent: null } };
const subFrame: InvokeEventLike = { sender: { id: SITE }, senderFrame: { url: 'https://thanhtoan.dichvucong.gov.vn/', parent: {} } };

function make(siteId: number | null = SITE) {
  const printed = vi.fn();
  const refused = vi.fn();
  const dispatch = createSiteDispatcher({ 'site:print': printed }, () => siteId, refused);
  return { dispatch, printed, refused };
}

describe('the site channel gate', () => {
  it('has exactly one channel, the print request with its one user-activation flag', () => {
    expect(siteChannels).toEqual(['site:print']);
    expect(siteRequestSchemas['site:print'].safeParse([true]).success).toBe(true);
    expect(siteRequestSchemas['site:print'].safeParse([]).success).toBe(false);
  });

  it('passes a request and its activation flag from any frame of the open site view', () => {
    const { dispatch, printed, refused } = make();
    dispatch('site:print', top, [true]);
    dispatch('site:print', subFrame, [false]);
    expect(printed.mock.calls).toEqual([[true], [false]]);
    expect(refused).not.toHaveBeenCalled();
  });

  it.each<[string, InvokeEventLike, number | null]>([
    ['another webContents (the UI)', { sender: { id: 3 }, senderFrame: { url: 'app://kiosk/index.html', parent: null } }, SITE],
    ['a closed citizen view (ids never match the next one)', { sender: { id: 11 }, senderFrame: { url: 'https://dichvucong.gov.vn/', parent: null } }, SITE],
    ['a frame already gone', { sender: { id: SITE }, senderFrame: null }, SITE],
    ['any sender while no site view is open', top, null],
  ])('refuses %s', (_label, event, siteId) => {
    const { dispatch, printed, refused } = make(siteId);
    dispatch('site:print', event, [true]);
    expect(printed).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledWith(expect.objectContaining({ why: 'untrusted-sender' }));
  });

  it('refuses arguments (the page cannot pass a printer, a file or options) and unknown channels', () => {
    const { dispatch, printed, refused } = make();
    dispatch('site:print', top, [{ silent: false }]);
    dispatch('site:print', top, ['Microsoft Print to PDF']);
    dispatch('site:print', top, [true, 'Microsoft Print to PDF']);
    dispatch('site:print', top, []);
    dispatch('kiosk:end-session', top, []);
    dispatch('__proto__', top, []);
    expect(printed).not.toHaveBeenCalled();
    expect(refused.mock.calls.map(([r]) => (r as { why: string }).why)).toEqual(['invalid-arguments', 'invalid-arguments', 'invalid-arguments', 'invalid-arguments', 'unknown-channel', 'unknown-channel']);
  });
});
