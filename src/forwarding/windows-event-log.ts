import type { LogRecord } from './log-reader';

/**
 * Writing audit records to the Windows Event Log, for departments that collect with Windows Event
 * Forwarding (WEF) rather than syslog. UNTESTED on Windows here (no PowerShell on this machine): the
 * unit test checks only how PowerShell is called.
 *
 * The installer registers the source once, as administrator:
 *   New-EventLog -LogName Application -Source public-kiosk
 * Each record is then written by `powershell.exe` started with execFile (no shell): the script is a
 * fixed string and the record travels in environment variables, so nothing in a record can become
 * PowerShell code or a command-line argument.
 */
export type ExecFile = (
  file: string,
  args: readonly string[],
  options: { env: Record<string, string | undefined>; windowsHide: true; timeout: number },
) => Promise<unknown>;

export const EVENT_SOURCE = 'public-kiosk';

const SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  "Write-EventLog -LogName Application -Source 'public-kiosk' -EventId ([int]$env:PK_EVENT_ID) -EntryType $env:PK_ENTRY_TYPE -Message $env:PK_EVENT_MESSAGE",
].join('; ');

/** Event ids by record type, +1 for a failure or going out of service (WEF subscriptions filter on ids). */
const EVENT_BASE: Record<string, number> = { wipe: 1000, service: 1100, staff: 1200, policy: 1300, compliance: 1400 };

export function eventFor(record: LogRecord): { id: number; entryType: 'Information' | 'Warning' } {
  const failed = record.outcome !== null;
  return { id: (EVENT_BASE[record.type] ?? 1900) + (failed ? 1 : 0), entryType: failed ? 'Warning' : 'Information' };
}

export function windowsEventLogWriter(execFile: ExecFile, env: Record<string, string | undefined> = process.env) {
  return async (record: LogRecord): Promise<void> => {
    const event = eventFor(record);
    await execFile('powershell.exe', ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', SCRIPT], {
      env: { ...env, PK_EVENT_ID: String(event.id), PK_ENTRY_TYPE: event.entryType, PK_EVENT_MESSAGE: record.line },
      windowsHide: true,
      timeout: 30_000,
    });
  };
}
