import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrefix, runWindowsCli, type WinePrefix } from './support/wine';
import { installKiosk, MACHINE_POLICY, SESSION_DATA, STATE } from './support/kiosk-tree';

// Roots that would make a wipe destroy more than browsing data are refused before anything is
// touched (exit 2), on Windows spellings: drive roots, the Windows folder in its several spellings,
// the user's profile, network (UNC) paths, and roots that overlap when letter case is ignored.
let win: WinePrefix;
let dDrive: string;
beforeAll(() => {
  win = createPrefix();
  dDrive = win.addDrive('D');
  installKiosk(win);
  writeFileSync(`${dDrive}/keep-me.txt`, 'D: data');
  mkdirSync(win.host('C:\\ProgramData\\public-kiosk\\data'), { recursive: true });
});
afterAll(() => win?.dispose());

// Files that must survive every refused wipe, one in each place a bad root points at.
const sentinels = ['C:\\windows\\win.ini', 'C:\\users\\root\\Desktop\\giữ lại.txt', `${SESSION_DATA}\\Default\\Cookies`, `${STATE}\\keep.txt`, 'C:\\ProgramData\\public-kiosk\\data\\state\\x', 'C:\\ProgramData\\public-kiosk\\data\\Default\\Cookies'];

function plantSentinels(): void {
  for (const file of sentinels) {
    mkdirSync(win.host(file).replace(/\/[^/]+$/, ''), { recursive: true });
    if (!existsSync(win.host(file))) writeFileSync(win.host(file), 'keep');
  }
}

const extraPaths = (...paths: string[]) => `wipe:\n  extraPaths: ${JSON.stringify(paths)}\n`;

// Grouped (the refusal lists every problem at once) to keep Wine process starts few.
const cases: [string, string, RegExp, RegExp[]][] = [
  // The policy check refuses them all (FILE:LINE:COL, before any wipe is planned); the wipe's own root
  // check (src/wipe/root-safety.ts, unit-tested) refuses the same again on the real disk.
  [
    'drive roots C:\\ and D:\\',
    extraPaths('C:\\', 'D:\\'),
    /^public-kiosk: invalid policy/,
    [/policy\.yaml:2:\d+ wipe\.extraPaths\[0\]: C:\\ is a filesystem or drive root/, /policy\.yaml:2:\d+ wipe\.extraPaths\[1\]: D:\\ is a filesystem or drive root/],
  ],
  [
    'the Windows folder, also inside it, in another case, and as ${SystemRoot}',
    extraPaths('C:\\Windows', 'c:\\WINDOWS\\System32', '${SystemRoot}'),
    /^public-kiosk: invalid policy/,
    [
      /wipe\.extraPaths\[0\]: C:\\Windows is a system folder/,
      /wipe\.extraPaths\[1\]: c:\\WINDOWS\\System32 is inside the system folder C:\\Windows/,
      /wipe\.extraPaths\[2\]: C:\\windows is a system folder/,
    ],
  ],
  [
    'the user profile and C:\\Users',
    extraPaths('${USERPROFILE}', 'C:\\Users'),
    /^public-kiosk: invalid policy/,
    [/wipe\.extraPaths\[0\]: C:\\users\\root is a home folder/, /wipe\.extraPaths\[1\]: C:\\Users contains the home folder/],
  ],
  [
    'the Windows folder as a \\\\?\\ path, network (UNC) paths',
    extraPaths('\\\\?\\C:\\Windows', '\\\\fileserver\\scans\\kiosk', '\\\\?\\UNC\\fileserver\\scans'),
    /^public-kiosk: invalid policy/,
    [
      /wipe\.extraPaths\[0\]: \\\\\?\\C:\\Windows is a system folder/,
      /wipe\.extraPaths\[1\]: \\\\fileserver\\scans\\kiosk is a network \(UNC\) path/,
      /wipe\.extraPaths\[2\]: \\\\\?\\UNC\\fileserver\\scans is a network \(UNC\) path/,
    ],
  ],
  [
    'a state root inside session data, spelled in another letter case',
    'paths:\n  sessionData: "C:\\\\ProgramData\\\\public-kiosk\\\\data"\n  state: "c:\\\\programdata\\\\PUBLIC-KIOSK\\\\DATA\\\\state"\n',
    // The policy check already sees the overlap (comparing without case on Windows): invalid policy.
    /^public-kiosk: invalid policy/,
    [/policy\.yaml:3:10 paths\.state: overlaps paths\.sessionData \(C:\\ProgramData\\public-kiosk\\data\)/],
  ],
];

describe('refused roots on Windows: exit 2, nothing deleted', () => {
  it.each(cases)('%s', async (_name, policy, first, reasons) => {
    plantSentinels();
    writeFileSync(win.host(MACHINE_POLICY), policy);
    // By hand, and as Task Scheduler runs it.
    for (const args of [['wipe'], ['wipe', '--if-due']]) {
      const r = await runWindowsCli(win, args);
      expect(r.stderr).toMatch(first);
      for (const reason of reasons) expect(r.stderr).toMatch(reason);
      expect(r.code).toBe(2);
    }
    for (const file of sentinels) expect(existsSync(win.host(file)), file).toBe(true);
    expect(readdirSync(dDrive)).toContain('keep-me.txt');
    expect(existsSync(win.host(`${STATE}\\wipe-journal.json`))).toBe(false);
  });

  it('a junction cannot be made under Wine 8 (no reparse points): junction refusal is covered by the Linux link tests', async () => {
    const r = await win.run(['-e', "require('fs').symlinkSync('C:\\\\windows', 'C:\\\\ProgramData\\\\j', 'junction')"]);
    expect(r.stderr).toMatch(/ENOTSUP/);
    expect(r.code).not.toBe(0);
  });
});
