import { describe, expect, it } from 'vitest';
import { blockedShortcuts, matchShortcut, type KeyInput } from '../../../src/shell/shortcuts';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  code: k.length === 1 ? `Key${k.toUpperCase()}` : k,
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...mods,
});
const ctrl = { control: true };
const cmd = { meta: true };

describe('matchShortcut: blocked', () => {
  it.each([
    ['Ctrl+W', key('w', ctrl), 'close'],
    ['Cmd+W', key('w', cmd), 'close'],
    ['Ctrl+Shift+W', key('W', { control: true, shift: true }), 'close'],
    ['Alt+F4', key('F4', { alt: true }), 'close'],
    ['Ctrl+F4', key('F4', ctrl), 'close'],
    ['Ctrl+Q', key('q', ctrl), 'close'],
    ['Ctrl+N', key('n', ctrl), 'open'],
    ['Ctrl+Shift+N', key('N', { control: true, shift: true }), 'open'],
    ['Ctrl+T', key('t', ctrl), 'open'],
    ['Ctrl+O', key('o', ctrl), 'open'],
    ['Ctrl+J', key('j', ctrl), 'open'],
    ['Ctrl+H', key('h', ctrl), 'open'],
    ['Ctrl+S', key('s', ctrl), 'save'],
    ['Ctrl+Shift+S', key('S', { control: true, shift: true }), 'save'],
    ['Ctrl+P', key('p', ctrl), 'print'],
    ['Ctrl+Shift+P', key('P', { control: true, shift: true }), 'print'],
    ['F12', key('F12'), 'inspect'],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true }), 'inspect'],
    ['Cmd+Alt+I', key('i', { meta: true, alt: true }), 'inspect'],
    ['Ctrl+Shift+J', key('J', { control: true, shift: true }), 'inspect'],
    ['Ctrl+Shift+C', key('C', { control: true, shift: true }), 'inspect'],
    ['Ctrl+U', key('u', ctrl), 'inspect'],
    ['F11', key('F11'), 'leave'],
    ['F10', key('F10'), 'leave'],
    ['Alt+Space', { ...key(' ', { alt: true }), code: 'Space' }, 'leave'],
    ['Ctrl+W on a Russian layout (key ц, code KeyW)', { ...key('ц', ctrl), code: 'KeyW' }, 'close'],
    ['Ctrl+P while an IME composes (key Process)', { ...key('Process', ctrl), code: 'KeyP' }, 'print'],
  ] as const)('%s → %s', (_label, input, purpose) => {
    expect(matchShortcut(input)?.purpose).toBe(purpose);
  });
});

describe('matchShortcut: passed to the page', () => {
  it.each([
    ['typing w', key('w')],
    ['typing S (Shift)', key('S', { shift: true })],
    ['Ctrl+C copy', key('c', ctrl)],
    ['Ctrl+V paste', key('v', ctrl)],
    ['Ctrl+A select all', key('a', ctrl)],
    ['Ctrl+Z undo', key('z', ctrl)],
    ['Ctrl+F find', key('f', ctrl)],
    ['Ctrl+R reload', key('r', ctrl)],
    ['Ctrl+= zoom', { ...key('=', ctrl), code: 'Equal' }],
    ['Tab', key('Tab')],
    ['Enter', key('Enter')],
    ['Escape', key('Escape')],
    ['Alt+Left back', key('ArrowLeft', { alt: true })],
    ['F5 reload', key('F5')],
    ['Ctrl+Alt+S (the UI staff panel)', key('s', { control: true, alt: true })],
    ['Ctrl+I italic', key('i', ctrl)],
    ['Space', { ...key(' '), code: 'Space' }],
    ['Alt+F (no menu)', key('f', { alt: true })],
  ] as const)('%s is not blocked', (_label, input) => {
    expect(matchShortcut(input)).toBeUndefined();
  });
});

describe('blockedShortcuts (the README list)', () => {
  it('has unique labels, covers every purpose, and reports each rule for its own keys', () => {
    expect(new Set(blockedShortcuts.map((s) => s.label)).size).toBe(blockedShortcuts.length);
    expect(new Set(blockedShortcuts.map((s) => s.purpose))).toEqual(new Set(['open', 'close', 'save', 'print', 'inspect', 'leave']));
    for (const rule of blockedShortcuts) {
      const input = key(rule.key === ' ' ? ' ' : rule.key, { control: rule.primary === true, shift: rule.shift === true, alt: rule.alt === true });
      expect(matchShortcut(input)).toBe(rule);
    }
  });
});

describe('main/README.md', () => {
  it('lists every blocked shortcut under its purpose', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile('main/README.md', 'utf8');
    for (const purpose of ['open', 'close', 'save', 'print', 'inspect', 'leave'] as const) {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${purpose} |`));
      const listed = (row?.split('|')[2] ?? '').split(',').map((s) => s.trim()).filter(Boolean).sort();
      expect(listed).toEqual(blockedShortcuts.filter((s) => s.purpose === purpose).map((s) => s.label).sort());
    }
  });
});
