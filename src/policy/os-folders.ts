import { spawnSync } from 'node:child_process';

/**
 * Where ProgramData is, on Windows, by the OS's answer and never the environment's: the machine
 * policy file and the three default data roots live under it, and `%ProgramData%` /
 * `%ALLUSERSPROFILE%` are variables whoever edits the kiosk account's environment (or a scheduled
 * task's) can set. Node has no call for the ProgramData known folder, so the kiosk asks the registry
 * key the known folder is defined by, `HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList`
 * value `ProgramData` (admin-only, like the folder itself), with `reg.exe` at its fixed place
 * C:\Windows\System32 (not found through `PATH` or `SystemRoot`, both the caller's) and an empty
 * environment. Its value is `%SystemDrive%\ProgramData`: %SystemDrive% is taken from the drive of
 * the registry's own `SystemRoot` value (CurrentVersion), not from the variable. If the registry
 * cannot be read (no reg.exe there: Windows not on C:), the built-in C:\ProgramData is used; Microsoft
 * does not support moving ProgramData, so that is the known folder on every supported install.
 * Either way a difference with the environment is reported (logged by the kiosk, a note from the CLI).
 * Linux needs none of this: its paths are fixed (/etc/public-kiosk, /var/lib/public-kiosk).
 */
export const PROFILE_LIST_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList';
export const CURRENT_VERSION_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
export const BUILT_IN_PROGRAM_DATA = 'C:\\ProgramData';
export const REG_EXE = 'C:\\Windows\\System32\\reg.exe';

/** The two variables that name ProgramData; both get the OS's answer. */
const programDataVariables = ['ProgramData', 'ALLUSERSPROFILE'] as const;

/** Reads one registry value as `reg query` prints it; null when it cannot. A port: tests pass fakes. */
export type RegistryReader = (key: string, value: string) => string | null;

export interface OsProgramData {
  path: string;
  from: 'registry' | 'built-in';
  /** Why the registry's answer was not used (from: built-in). */
  problem?: string;
}

/** The value's data in `reg query KEY /v NAME` output (`    NAME    REG_EXPAND_SZ    DATA`); null if absent. */
export function parseRegQuery(stdout: string, name: string): string | null {
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^\s+(.+?)\s{2,}(REG_SZ|REG_EXPAND_SZ)\s{2,}(.*?)\s*$/.exec(line);
    if (match && match[1]?.toLowerCase() === name.toLowerCase()) return match[3] ?? null;
  }
  return null;
}

export function windowsProgramData(read: RegistryReader): OsProgramData {
  const builtIn = (problem: string): OsProgramData => ({ path: BUILT_IN_PROGRAM_DATA, from: 'built-in', problem });
  const raw = read(PROFILE_LIST_KEY, 'ProgramData');
  if (raw === null) return builtIn('the registry value ProfileList\\ProgramData could not be read');
  let value = raw;
  if (/%SystemDrive%/i.test(value)) {
    const drive = /^([A-Za-z]:)\\/.exec(read(CURRENT_VERSION_KEY, 'SystemRoot') ?? '')?.[1];
    if (drive === undefined) return builtIn('the registry value CurrentVersion\\SystemRoot could not be read');
    value = value.replace(/%SystemDrive%/gi, drive);
  }
  if (value.includes('%') || !/^[A-Za-z]:\\[^<>"|?*\r\n]*$/.test(value)) return builtIn(`the registry's ProgramData "${raw}" is not a folder on a drive`);
  return { path: value.replace(/\\+$/, ''), from: 'registry' };
}

/** reg.exe by absolute path with an empty environment: nothing of the caller's chooses the program or its answer. */
export function regExeReader(): RegistryReader {
  return (key, value) => {
    const result = spawnSync(REG_EXE, ['query', key, '/v', value], { encoding: 'utf8', env: {}, windowsHide: true, timeout: 15_000 });
    if (result.error || result.status !== 0) return null;
    return parseRegQuery(result.stdout, value);
  };
}

/**
 * The environment a program's own code reads (already cut to its named list), with ProgramData and
 * ALLUSERSPROFILE set to the OS's answer on Windows; `notes` says where the caller's environment
 * disagreed or the registry could not be read. Other platforms: unchanged, no notes.
 */
export function withOsProgramData(
  named: Readonly<Record<string, string | undefined>>,
  callerEnv: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
  osProgramData: () => OsProgramData,
): { env: Record<string, string | undefined>; notes: string[] } {
  if (platform !== 'win32') return { env: { ...named }, notes: [] };
  const os = osProgramData();
  const isProgramDataName = (key: string) => programDataVariables.some((name) => name.toUpperCase() === key.toUpperCase());
  const env = Object.fromEntries(Object.entries(named).filter(([key]) => !isProgramDataName(key)));
  for (const name of programDataVariables) env[name] = os.path;
  const notes = os.problem === undefined ? [] : [`ProgramData from the OS: ${os.problem}; using ${os.path}`];
  const same = (a: string) => a.replace(/\\+$/, '').toLowerCase() === os.path.toLowerCase();
  for (const [key, value] of Object.entries(callerEnv)) {
    if (value !== undefined && isProgramDataName(key) && !same(value)) notes.push(`${key} in the environment is "${value}", not the OS's ProgramData: using ${os.path}`);
  }
  return { env, notes };
}
