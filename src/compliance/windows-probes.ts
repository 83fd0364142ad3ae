import { realpathSync } from 'node:fs';
import path from 'node:path';
import { remoteAccessTools } from './remote-access-tools';
import { ProbeError, type AntivirusProduct, type BrowserFacts, type ComplianceProbes } from './probes';
import { execFileRunner, type CommandRunner } from './run-command';
import { tcpConnect } from './tcp-connect';
import { decodeProductState, windowsOsKey, windowsOutputSchema, type WindowsOutput } from './windows-output';
import { encodeCommand, windowsProbeScript } from './windows-script';

export interface WindowsProbeOptions {
  run?: CommandRunner;
  /** The Windows folder; from the OS (windowsDirectory) unless a test names one. */
  windowsDir?: string;
  /** The caller's environment: only the data folders PowerShell writes its caches to are taken from it. */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/**
 * The Windows folder as the OS knows it: the NT object \SystemRoot, resolved through the file
 * system (GetFinalPathNameByHandle). Not %SystemRoot% / %windir%: the caller's environment could
 * point those at a folder with a powershell.exe of its own. Falls back to C:\Windows, never to a variable.
 */
export function windowsDirectory(resolve: (path: string) => string = (p) => realpathSync.native(p)): string {
  try {
    const resolved = resolve('\\\\?\\GLOBALROOT\\SystemRoot').replace(/^\\\\\?\\/, '');
    if (/^[A-Za-z]:(\\[^\\/:*?"<>|]+)+$/.test(resolved)) return resolved;
  } catch {
    // not Windows, or the object is unreadable: the fixed default
  }
  return 'C:\\Windows';
}

/** Absolute path, so a powershell.exe planted earlier on PATH is never the one that runs. */
export function powershellPath(windowsDir: string): string {
  return path.win32.join(windowsDir, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
}

/**
 * PowerShell's environment: the system folders fixed from the Windows folder, a fixed PATH and
 * PSModulePath (a module planted on the caller's PSModulePath cannot shadow Get-CimInstance), and
 * only the per-user data folders (where PowerShell keeps caches) from the caller.
 */
export function powershellEnvironment(windowsDir: string, env: Record<string, string | undefined>): Record<string, string> {
  const system32 = path.win32.join(windowsDir, 'System32');
  const fixed: Record<string, string> = {
    SystemRoot: windowsDir,
    windir: windowsDir,
    SystemDrive: windowsDir.slice(0, 2),
    ComSpec: path.win32.join(system32, 'cmd.exe'),
    PATH: [system32, windowsDir, path.win32.join(system32, 'Wbem'), path.win32.join(system32, 'WindowsPowerShell', 'v1.0')].join(';'),
    PSModulePath: path.win32.join(system32, 'WindowsPowerShell', 'v1.0', 'Modules'),
  };
  for (const name of ['USERPROFILE', 'LOCALAPPDATA', 'APPDATA', 'TEMP', 'TMP']) {
    const value = env[name];
    if (value !== undefined && value !== '') fixed[name] = value;
  }
  return fixed;
}

/** Parses and validates the script's output; anything else is a ProbeError, never a guess. */
export function parseWindowsOutput(stdout: string): WindowsOutput {
  let data: unknown;
  try {
    data = JSON.parse(stdout.replace(/^\uFEFF/, '').trim());
  } catch {
    throw new ProbeError('powershell-output-not-json');
  }
  const parsed = windowsOutputSchema.safeParse(data);
  if (!parsed.success) throw new ProbeError('powershell-output-invalid');
  return parsed.data;
}

/**
 * Windows probes: one PowerShell run (execFile, -NoProfile -NonInteractive -EncodedCommand, a time
 * limit), shared by every check. No PowerShell (Wine), a timeout or a malformed document make every
 * check that needs it `error`; a section the script could not read makes that check `error`.
 */
export function windowsProbes(options: WindowsProbeOptions = {}): ComplianceProbes {
  const run = options.run ?? execFileRunner;
  const env = options.env ?? process.env;
  const windowsDir = options.windowsDir ?? windowsDirectory();
  const folders = remoteAccessTools.flatMap((tool) => tool.windows.folders);
  let output: Promise<WindowsOutput> | null = null;
  const document = () =>
    (output ??= run(powershellPath(windowsDir), ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encodeCommand(windowsProbeScript(folders))], {
      env: powershellEnvironment(windowsDir, env),
      timeoutMs: options.timeoutMs ?? 60_000,
    }).then(parseWindowsOutput));
  const section = async <K extends keyof WindowsOutput>(key: K): Promise<NonNullable<WindowsOutput[K]>> => {
    const value = (await document())[key];
    if (value === null || value === undefined) throw new ProbeError(`windows-${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-unreadable`);
    return value as NonNullable<WindowsOutput[K]>;
  };

  return {
    platform: 'win32',
    processNames: () => section('processes'),
    async installedNames() {
      const uninstall = await section('uninstall');
      return [...uninstall, ...((await document()).appx ?? [])];
    },
    serviceNames: () => section('services'),
    async existingFolders(candidates) {
      const found = await section('folders');
      return candidates.filter((folder) => found.includes(folder));
    },
    remoteDesktop: () => section('remoteDesktop'),
    async antivirus() {
      // A vendor's display name may hold "&" or "/": keep it a plain product name for the evidence.
      const plain = (name: string) => name.replace(/[^\p{L}\p{N} ._:()+,@-]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) || 'unnamed product';
      const products: AntivirusProduct[] = (await section('antivirus')).map((p) => ({ name: plain(p.name), source: 'security-center', ...decodeProductState(p.productState), signatureAgeDays: null }));
      const defender = (await document()).defender;
      if (defender) {
        const enabled = defender.antivirusEnabled && defender.realTimeProtectionEnabled;
        products.push({ name: 'Microsoft Defender Antivirus', source: 'defender', enabled, upToDate: null, signatureAgeDays: defender.signatureAgeDays });
      }
      return { products };
    },
    async updates() {
      const updates = await section('updates');
      return { kind: 'windows-update' as const, lastSecurityUpdate: updates.lastSecurityUpdate, updateServiceDisabled: updates.serviceStartType.toLowerCase() === 'disabled' };
    },
    async os() {
      const os = await section('os');
      const product = os.caption.replace(/^Microsoft\s+/, '').replace(/[^\p{L}\p{N} ._-]/gu, '');
      return { key: windowsOsKey(os), product, version: `${os.displayVersion ?? ''} ${os.version}`.trim() };
    },
    async browsers() {
      const browsers = await section('browsers');
      return (['chrome', 'edge', 'chromium', 'firefox'] as const).map((id): BrowserFacts => ({ browser: id, installed: browsers[id]?.installed ?? false, settings: browsers[id]?.settings ?? {} }));
    },
    account: () => section('account'),
    printers: () => section('printers'),
    connect: tcpConnect,
  };
}
