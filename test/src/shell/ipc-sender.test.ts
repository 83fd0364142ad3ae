import { describe, expect, it } from 'vitest';
import { isKioskUiSender, type IpcSender } from '../../../src/shell/ipc-sender';

const UI = 7;
const from = (webContentsId: number, url: string | null, isTopFrame = true): IpcSender => ({
  webContentsId,
  frame: url === null ? null : { url, isTopFrame },
});

describe('isKioskUiSender', () => {
  it('accepts the UI’s top frame on app://kiosk/', () => {
    expect(isKioskUiSender(from(UI, 'app://kiosk/index.html'), UI)).toBe(true);
    expect(isKioskUiSender(from(UI, 'app://kiosk/'), UI)).toBe(true);
  });
  it.each<[string, IpcSender, number | undefined]>([
    ['another webContents (the site view)', from(8, 'app://kiosk/index.html'), UI],
    ['a site page in the UI webContents', from(UI, 'https://dichvucong.gov.vn/'), UI],
    ['a sub-frame', from(UI, 'app://kiosk/index.html', false), UI],
    ['a destroyed frame', from(UI, null), UI],
    ['another app:// host', from(UI, 'app://evil/index.html'), UI],
    ['app:// with user info', from(UI, 'app://x@kiosk/index.html'), UI],
    ['file:', from(UI, 'file:///work/dist/ui/renderer/index.html'), UI],
    ['about:blank', from(UI, 'about:blank'), UI],
    ['garbage URL', from(UI, '::'), UI],
    ['no UI yet', from(UI, 'app://kiosk/index.html'), undefined],
  ])('refuses %s', (_label, sender, uiId) => {
    expect(isKioskUiSender(sender, uiId)).toBe(false);
  });
});
