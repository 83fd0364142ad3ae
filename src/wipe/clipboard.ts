/**
 * The clipboard as a wipe step. A citizen copies an ID number or an OTP; the next citizen must not
 * be able to paste it. Only Electron's main process can reach the OS clipboard, so the wipe gets it
 * as a port: main passes one, the plain-Node CLI passes none and the record then says `null` (not
 * done here), never `true`.
 */

/** 'selection' is the X11 primary selection (middle-click paste), separate from the clipboard on Linux. */
export type ClipboardKind = 'clipboard' | 'selection';

/** What main implements with Electron 45's `clipboard` module (`clear()`, `read()`, and `clipboard.selection` on Linux). */
export interface ClipboardPort {
  clear(kind: ClipboardKind): void | Promise<void>;
  /** The MIME types still held; empty after a real clear. */
  formats(kind: ClipboardKind): Promise<string[]>;
}

export interface ClipboardWipe {
  /** true: cleared and read back empty; false: failed; null: no clipboard port (plain Node). */
  cleared: boolean | null;
  /** Record-safe codes: never a format's content. */
  errors: string[];
}

/** The clipboards to clear on a platform: Linux also has the selection clipboard. */
export function clipboardKinds(platform: NodeJS.Platform): ClipboardKind[] {
  return platform === 'linux' ? ['clipboard', 'selection'] : ['clipboard'];
}

/** Clears every clipboard of the platform and reads each back; any failure or leftover is an error. */
export async function wipeClipboard(port: ClipboardPort | null | undefined, platform: NodeJS.Platform): Promise<ClipboardWipe> {
  if (!port) return { cleared: null, errors: [] };
  const errors: string[] = [];
  for (const kind of clipboardKinds(platform)) {
    try {
      await port.clear(kind);
      const left = (await port.formats(kind)).length;
      if (left > 0) errors.push(`ENOTEMPTY on ${kind}: ${left} formats left after clear`);
    } catch {
      errors.push(`EIO on ${kind}: the clipboard could not be cleared`);
    }
  }
  return { cleared: errors.length === 0, errors };
}
