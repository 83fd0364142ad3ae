import { isKioskUiUrl } from '../../src/shell/ipc-sender';
import { attachShortcutGuard } from '../site/contents-guards';
import type { GuardedContents } from '../site/ports';

/**
 * The kiosk UI's webContents shows app://kiosk/ and nothing else: no navigation, redirect or frame
 * elsewhere, no popups, no <webview>, the same blocked shortcuts as the site view. Input there counts
 * as activity, like input in the site view.
 */
export type UiContents = Omit<GuardedContents, 'loadURL'> & {
  on(event: 'before-mouse-event', listener: (event: unknown, mouse: { type: string }) => void): unknown;
};

export function attachUiGuards(contents: UiContents, onActivity: () => void, log: (message: string) => void): void {
  const stayOnUi = (event: { url: string; preventDefault(): void }): void => {
    if (isKioskUiUrl(event.url)) return;
    event.preventDefault();
    log('the kiosk UI tried to leave app://kiosk/: refused');
  };
  contents.on('will-navigate', stayOnUi);
  contents.on('will-frame-navigate', stayOnUi);
  contents.on('will-redirect', stayOnUi);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  attachShortcutGuard(contents, undefined);
  contents.on('before-input-event', () => onActivity());
  contents.on('before-mouse-event', (_event, mouse) => {
    if (mouse.type === 'mouseDown' || mouse.type === 'mouseWheel') onActivity();
  });
}
