import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION_KEY, parseRegQuery, PROFILE_LIST_KEY, windowsProgramData, withOsProgramData, type RegistryReader } from '../../../src/policy/os-folders';
import { defaultMachinePolicyFile } from '../../../src/policy/load';
import { resolvePolicyPaths } from '../../../src/policy/resolve-paths';
import { bundledPolicy } from './fixtures';

/** What `reg query` prints on Windows 10/11 (and Wine) for the two values. */
const regOutput = (key: string, name: string, type: string, data: string) => `\r\n${key}\r\n    ${name}    ${type}    ${data}\r\n\r\n`;
const registry = (values: Record<string, string | null>): RegistryReader => (key, value) => {
  const data = values[`${key}\\${value}`];
  return data === undefined || data === null ? null : parseRegQuery(regOutput(key, value, 'REG_EXPAND_SZ', data), value);
};
const stock = registry({ [`${PROFILE_LIST_KEY}\\ProgramData`]: '%SystemDrive%\\ProgramData', [`${CURRENT_VERSION_KEY}\\SystemRoot`]: 'C:\\Windows' });

describe('the ProgramData known folder, from the registry', () => {
  it('parses reg query output, whatever the value name case', () => {
    expect(parseRegQuery(regOutput(PROFILE_LIST_KEY, 'ProgramData', 'REG_EXPAND_SZ', '%SystemDrive%\\ProgramData'), 'programdata')).toBe('%SystemDrive%\\ProgramData');
    expect(parseRegQuery('ERROR: The system was unable to find the specified registry key or value.\r\n', 'ProgramData')).toBeNull();
  });

  it('expands %SystemDrive% from the registry\'s SystemRoot, not from the variable', () => {
    expect(windowsProgramData(stock)).toEqual({ path: 'C:\\ProgramData', from: 'registry' });
    const onD = registry({ [`${PROFILE_LIST_KEY}\\ProgramData`]: '%SystemDrive%\\ProgramData', [`${CURRENT_VERSION_KEY}\\SystemRoot`]: 'D:\\WINDOWS' });
    expect(windowsProgramData(onD)).toEqual({ path: 'D:\\ProgramData', from: 'registry' });
  });

  it.each([
    ['no registry answer at all', {}, 'ProfileList\\ProgramData could not be read'],
    ['no SystemRoot to expand %SystemDrive% with', { [`${PROFILE_LIST_KEY}\\ProgramData`]: '%SystemDrive%\\ProgramData' }, 'SystemRoot could not be read'],
    ['another variable in the value', { [`${PROFILE_LIST_KEY}\\ProgramData`]: '%USERPROFILE%\\x' }, 'is not a folder on a drive'],
    ['a relative or UNC value', { [`${PROFILE_LIST_KEY}\\ProgramData`]: '\\\\server\\share' }, 'is not a folder on a drive'],
  ])('%s: the built-in C:\\ProgramData, with the reason', (_what, values, problem) => {
    const answer = windowsProgramData(registry(values));
    expect(answer).toMatchObject({ path: 'C:\\ProgramData', from: 'built-in' });
    expect(answer.problem).toContain(problem);
  });
});

describe('the environment the kiosk and the packaged CLI read ProgramData from', () => {
  const os = () => windowsProgramData(stock);

  it('Windows: the OS answer replaces %ProgramData% and %ALLUSERSPROFILE%, in any case; the machine policy file and default roots follow it', () => {
    const caller = { PROGRAMDATA: 'C:\\Users\\kiosk\\fake', allusersprofile: 'C:\\Users\\kiosk\\fake' };
    const { env, notes } = withOsProgramData({ PROGRAMDATA: caller.PROGRAMDATA }, caller, 'win32', os);
    expect(env).toEqual({ ProgramData: 'C:\\ProgramData', ALLUSERSPROFILE: 'C:\\ProgramData' });
    expect(notes).toEqual([
      'PROGRAMDATA in the environment is "C:\\Users\\kiosk\\fake", not the OS\'s ProgramData: using C:\\ProgramData',
      'allusersprofile in the environment is "C:\\Users\\kiosk\\fake", not the OS\'s ProgramData: using C:\\ProgramData',
    ]);
    expect(defaultMachinePolicyFile('win32', env)).toBe('C:\\ProgramData\\public-kiosk\\policy.yaml');
    expect(resolvePolicyPaths(bundledPolicy(), 'win32', env).state).toBe('C:\\ProgramData\\public-kiosk\\state');
  });

  it('Windows: an environment that agrees (any case, trailing backslash) gives no note; a registry it cannot read does', () => {
    expect(withOsProgramData({}, { ProgramData: 'c:\\programdata\\' }, 'win32', os).notes).toEqual([]);
    const unreadable = withOsProgramData({}, {}, 'win32', () => windowsProgramData(() => null));
    expect(unreadable.env.ProgramData).toBe('C:\\ProgramData');
    expect(unreadable.notes[0]).toMatch(/^ProgramData from the OS: .* could not be read; using C:\\ProgramData$/);
  });

  it('Linux: fixed paths, nothing asked, nothing changed', () => {
    let asked = false;
    const result = withOsProgramData({ X: '1' }, { ProgramData: '/tmp' }, 'linux', () => ((asked = true), windowsProgramData(stock)));
    expect(result).toEqual({ env: { X: '1' }, notes: [] });
    expect(asked).toBe(false);
    expect(defaultMachinePolicyFile('linux', { ProgramData: '/tmp' })).toBe('/etc/public-kiosk/policy.yaml');
  });
});
