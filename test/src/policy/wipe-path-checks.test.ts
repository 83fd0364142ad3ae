import { describe, expect, it } from 'vitest';
import { wipeFolderDanger, wipeFolderIssues } from '../../../src/policy/wipe-path-checks';

const winEnv = { USERPROFILE: 'C:\\Users\\kiosk', APPDATA: 'C:\\Users\\kiosk\\AppData\\Roaming', SystemRoot: 'D:\\WINNT' };

describe('wipeFolderDanger on Windows', () => {
  it.each([
    ['C:\\', 'is a filesystem or drive root'],
    ['d:\\', 'is a filesystem or drive root'],
    // Network and device paths: the wipe (src/wipe/root-safety.ts) refuses them, so the policy does too.
    ['\\\\fileserver\\scans\\', 'is a network (UNC) path; wipe roots must be local folders'],
    ['\\\\fileserver\\scans\\kiosk-07', 'is a network (UNC) path; wipe roots must be local folders'],
    ['\\\\?\\UNC\\fileserver\\scans', 'is a network (UNC) path; wipe roots must be local folders'],
    ['\\\\.\\PhysicalDrive0', 'is a device path; give a folder on a local drive (C:\\…)'],
    ['\\\\?\\C:\\Windows', 'is a system folder'],
    ['\\\\?\\C:\\', 'is a filesystem or drive root'],
    ['C:\\Users\\kiosk', 'is a home folder'],
    ['c:\\users\\KIOSK', 'is a home folder'],
    ['C:\\Users\\staff', 'is a home folder'],
    ['C:\\Users', 'contains the home folder C:\\Users\\kiosk'],
    ['C:\\Users\\kiosk\\AppData', 'contains the system folder C:\\Users\\kiosk\\AppData\\Roaming'],
    ['C:\\Windows', 'is a system folder'],
    ['C:\\Windows\\Temp', 'is inside the system folder C:\\Windows'],
    ['c:\\program files\\public-kiosk\\scans', 'is inside the system folder C:\\Program Files'],
    ['D:\\WINNT\\Temp', 'is inside the system folder D:\\WINNT'],
    ['D:\\WINNT', 'is a system folder'],
    ['C:\\Program Files', 'is a system folder'],
    ['C:\\ProgramData', 'is a system folder'],
  ])('%s %s', (dir, danger) => {
    expect(wipeFolderDanger(dir, 'win32', winEnv)).toBe(danger);
  });

  it.each(['C:\\Scans', 'C:\\Users\\kiosk\\Documents\\Scanned Documents', 'D:\\Scanner\\Out', '\\\\?\\D:\\Scanner\\Out'])('%s is a folder of its own', (dir) => {
    expect(wipeFolderDanger(dir, 'win32', winEnv)).toBeNull();
  });
});

describe('wipeFolderIssues', () => {
  const roots = [
    { field: 'paths.sessionData', at: ['paths', 'sessionData'], value: 'C:\\ProgramData\\public-kiosk\\session-data' },
    { field: 'paths.state', at: ['paths', 'state'], value: 'C:\\ProgramData\\public-kiosk\\state' },
  ];
  it('compares Windows paths without case and reports each folder once, at its place in the file', () => {
    const issues = wipeFolderIssues(
      roots,
      [
        { field: 'wipe.sessionPaths[0]', at: ['wipe', 'sessionPaths', 0], value: 'c:\\programdata\\PUBLIC-KIOSK\\State\\scans' },
        { field: 'wipe.sessionPaths[1]', at: ['wipe', 'sessionPaths', 1], value: 'C:\\Scans' },
        { field: 'wipe.sessionPaths[2]', at: ['wipe', 'sessionPaths', 2], value: 'c:\\scans\\out' },
        { field: 'wipe.sessionPaths[3]', at: ['wipe', 'sessionPaths', 3, 'windows'], value: 'C:\\' },
      ],
      'win32',
      winEnv,
    );
    expect(issues.map((i) => [i.path.join('.'), i.message.replace(/;.*/, '')])).toEqual([
      ['wipe.sessionPaths.0', 'c:\\programdata\\PUBLIC-KIOSK\\State\\scans overlaps paths.state (C:\\ProgramData\\public-kiosk\\state)'],
      ['wipe.sessionPaths.2', 'c:\\scans\\out overlaps wipe.sessionPaths[1] (C:\\Scans)'],
      ['wipe.sessionPaths.3.windows', 'C:\\ is a filesystem or drive root'],
    ]);
  });
});
