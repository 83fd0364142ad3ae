import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli';
import { createPrefix, toWindowsPath, type WinePrefix } from './support/wine';

// The ProgramData known folder as the packaged kiosk finds it (src/policy/os-folders.ts), on
// Windows' Node under Wine: reg.exe at C:\Windows\System32 queried with an empty environment, so a
// ProgramData variable of the caller's changes nothing, and a registry value that is changed does.
let win: WinePrefix;
beforeAll(() => {
  win = createPrefix();
});
afterAll(() => win?.dispose());

const module = toWindowsPath(path.join(repoRoot, 'dist', 'src', 'policy', 'os-folders.js'));
// Wine sets ProgramData in every Windows process itself, so the caller's value is set inside the
// process (as a kiosk account's own variable would be) before the kiosk's code asks.
const script = [
  'if (process.env.PK_CALLER_PROGRAMDATA) process.env.ProgramData = process.env.ALLUSERSPROFILE = process.env.PK_CALLER_PROGRAMDATA;',
  `const f = require(${JSON.stringify(module)});`,
  'const os = () => f.windowsProgramData(f.regExeReader());',
  'console.log(JSON.stringify({ os: os(), seen: f.withOsProgramData({}, process.env, "win32", os) }));',
].join('\n');
const ask = async (env: Record<string, string> = {}) => {
  const r = await win.run(['-e', script], { env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { os: { path: string; from: string }; seen: { env: Record<string, string>; notes: string[] } };
};

describe('ProgramData from the registry, not the environment (Wine)', () => {
  it('answers C:\\ProgramData from the registry; a ProgramData variable pointing elsewhere is ignored and reported', async () => {
    const answer = await ask({ PK_CALLER_PROGRAMDATA: 'C:\\users\\kiosk\\fake' });
    expect(answer.os).toEqual({ path: 'C:\\ProgramData', from: 'registry' });
    expect(answer.seen.env).toEqual({ ProgramData: 'C:\\ProgramData', ALLUSERSPROFILE: 'C:\\ProgramData' });
    expect(answer.seen.notes.join('\n')).toContain('"C:\\users\\kiosk\\fake", not the OS\'s ProgramData: using C:\\ProgramData');
  });

  it('follows the registry when the registry changes (the value really is what is read)', async () => {
    const set = await win.run(['add', 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList', '/v', 'ProgramData', '/t', 'REG_EXPAND_SZ', '/d', '%SystemDrive%\\Kiosk Data', '/f'], { program: 'reg' });
    expect(set.code, set.stderr).toBe(0);
    expect((await ask()).os).toEqual({ path: 'C:\\Kiosk Data', from: 'registry' });
  });
});
