// Runtime Electron adapter (tests never import this file): the OS clipboard as the wipe's port.
// Electron 45: clear() and read() on the clipboard, and on Linux `clipboard.selection` for the
// X11 primary selection (undefined elsewhere, where a missing one is an error, not a skip).
import { clipboard, type Clipboard } from 'electron';
import type { ClipboardKind, ClipboardPort } from '../../src/wipe/clipboard';

function board(kind: ClipboardKind): Clipboard {
  if (kind === 'clipboard') return clipboard;
  const selection = clipboard.selection as Clipboard | undefined;
  if (!selection) throw new Error('no selection clipboard');
  return selection;
}

export const electronClipboard: ClipboardPort = {
  clear: (kind) => board(kind).clear(),
  formats: async (kind) => (await board(kind).read()).flatMap((item) => item.types),
};
