/**
 * Keyboard shortcuts the kiosk swallows in both views (before-input-event), as data so the README
 * lists exactly what the code blocks. The kiosk has no application menu, so Electron itself binds
 * none of these; blocking them again here is defence in depth against a menu or a Chromium default.
 * What no app can capture (Ctrl+Alt+Del, Alt+Tab, the Windows key) is the operating system's job.
 */

export type ShortcutPurpose = 'open' | 'close' | 'save' | 'print' | 'inspect' | 'leave';

export interface BlockedShortcut {
  /** As shown to people: "Ctrl" means Ctrl on Windows/Linux and Cmd on macOS. */
  label: string;
  purpose: ShortcutPurpose;
  /** `key` (lower case) or `code` as Chromium reports them; either matching is enough. */
  key: string;
  /** Ctrl or Cmd held. */
  primary?: boolean;
  shift?: boolean;
  alt?: boolean;
}

const s = (label: string, purpose: ShortcutPurpose, key: string, mods: Omit<BlockedShortcut, 'label' | 'purpose' | 'key'> = {}): BlockedShortcut => ({ label, purpose, key, ...mods });
const primary = { primary: true };

export const blockedShortcuts: readonly BlockedShortcut[] = [
  s('Ctrl+N', 'open', 'n', primary),
  s('Ctrl+T', 'open', 't', primary),
  s('Ctrl+O', 'open', 'o', primary),
  s('Ctrl+H', 'open', 'h', primary),
  s('Ctrl+J', 'open', 'j', primary),
  s('Ctrl+D', 'open', 'd', primary),
  s('Ctrl+Shift+B', 'open', 'b', { primary: true, shift: true }),
  s('Ctrl+Shift+Delete', 'open', 'delete', { primary: true, shift: true }),
  s('Ctrl+W', 'close', 'w', primary),
  s('Ctrl+F4', 'close', 'f4', primary),
  s('Alt+F4', 'close', 'f4', { alt: true }),
  s('Ctrl+Q', 'close', 'q', primary),
  s('Ctrl+M', 'leave', 'm', primary),
  s('Alt+Space', 'leave', ' ', { alt: true }),
  s('Ctrl+S', 'save', 's', primary),
  s('Ctrl+P', 'print', 'p', primary),
  s('F12', 'inspect', 'f12'),
  s('Ctrl+Shift+I', 'inspect', 'i', { primary: true, shift: true }),
  s('Ctrl+Alt+I', 'inspect', 'i', { primary: true, alt: true }),
  s('Ctrl+Shift+J', 'inspect', 'j', { primary: true, shift: true }),
  s('Ctrl+Shift+C', 'inspect', 'c', { primary: true, shift: true }),
  s('Ctrl+U', 'inspect', 'u', primary),
  s('F11', 'leave', 'f11'),
  s('F10', 'leave', 'f10'),
];

const modifierCount = (rule: BlockedShortcut): number => [rule.primary, rule.shift, rule.alt].filter(Boolean).length;
/** Ctrl+Shift+J is reported as "inspect", not as the Ctrl+J ("open") it also contains. */
const mostSpecificFirst = [...blockedShortcuts].sort((a, b) => modifierCount(b) - modifierCount(a));

/** What before-input-event reports (a subset of Electron's Input). */
export interface KeyInput {
  /** 'keyDown' / 'keyUp' (Electron's Input.type); absent in older callers. */
  type?: string;
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

function keyMatches(rule: BlockedShortcut, input: KeyInput): boolean {
  const key = input.key.toLowerCase();
  if (key === rule.key) return true;
  // The physical key, so a non-Latin layout (or an IME) does not slip past: KeyW, F4, Delete, Space.
  const code = input.code.toLowerCase();
  return code === `key${rule.key}` || code === rule.key || (rule.key === ' ' && code === 'space');
}

/**
 * A rule's modifiers must all be held. Extra Ctrl or Shift still match (Ctrl+Shift+W closes too);
 * Alt must be exactly as the rule says, so the UI's own Ctrl+Alt+S (staff panel) is not Ctrl+S.
 */
export function matchShortcut(input: KeyInput): BlockedShortcut | undefined {
  const primaryHeld = input.control || input.meta;
  return mostSpecificFirst.find(
    (rule) =>
      keyMatches(rule, input) &&
      (!rule.primary || primaryHeld) &&
      (!rule.shift || input.shift) &&
      (rule.alt === true) === input.alt,
  );
}

/**
 * The staff panel's shortcut (Ctrl+Alt+S; the UI's renderer/layout.ts names the same keys). Pressed
 * while the site view has focus it is caught in that view's before-input-event and handled by main,
 * so a page never sees it and cannot fake or swallow it. The physical key counts, as above.
 */
export function isStaffShortcut(input: KeyInput): boolean {
  const primaryHeld = input.control || input.meta;
  return primaryHeld && input.alt && (input.key.toLowerCase() === 's' || input.code.toLowerCase() === 'keys');
}
