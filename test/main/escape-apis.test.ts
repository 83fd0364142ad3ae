import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Electron calls that would hand a citizen the computer (another program, a file browser, a
 * dialog) or weaken a view. None may appear in the main process or the shell decisions; this scan
 * is a second line behind review, like test/src/layering.test.ts.
 */
const forbidden: [RegExp, string, string][] = [
  [/\bopenExternal\s*\(/, 'shell.openExternal opens another program', "shell.openExternal(url)"],
  [/\bopenPath\s*\(|\bshowItemInFolder\s*\(/, 'shell.openPath / showItemInFolder open the file manager', 'shell.showItemInFolder(file)'],
  [/\bdialog\s*\.\s*show/, 'a file or message dialog', 'dialog.showSaveDialog(win)'],
  [/nodeIntegration\s*:\s*true|contextIsolation\s*:\s*false|sandbox\s*:\s*false|webSecurity\s*:\s*false/, 'a weakened webPreference', '{ sandbox: false }'],
  [/webviewTag\s*:\s*true|allowRunningInsecureContent\s*:\s*true/, 'a weakened webPreference', '{ webviewTag: true }'],
  [/fromPartition\s*\(\s*['"`]persist:/, 'a persistent partition', "session.fromPartition('persist:x')"],
  [/loadFile\s*\(|loadURL\s*\(\s*['"`]file:/, 'a page loaded from file:', "contents.loadURL('file:///x')"],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

describe('main/ and src/shell/ use no escape-route Electron API', () => {
  const files = [...sources('main'), ...sources(path.join('src', 'shell'))];

  it('scans a real tree', () => {
    expect(files).toContain(path.join('main', 'index.ts'));
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(forbidden)('nothing matches %s (%s)', (pattern, _why, example) => {
    expect(pattern.test(example)).toBe(true);
    const hits = files.filter((file) => pattern.test(readFileSync(file, 'utf8')));
    expect(hits).toEqual([]);
  });
});
