// Runtime Electron adapter (tests never import this file): the OS clipboard as the wipe's port.
import { clipboard } from 'electron';
import type { ClipboardPort } from '../../src/wipe/clipboard';

export const electronClipboard: ClipboardPort = {
  clear: (kind) => clipboard.clear(kind),
  formats: (kind) => clipboard.availableFormats(kind),
};
