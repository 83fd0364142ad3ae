import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../src/forwarding/log-reader';
import { windowsEventLogWriter, type ExecFile } from '../../../src/forwarding/windows-event-log';

const record = (over: Partial<LogRecord>): LogRecord => ({
  logId: 'a'.repeat(32), seq: 1, seal: 'b'.repeat(64), prev: 'c'.repeat(64), type: 'wipe', time: null, outcome: null, line: '{}', end: 0, ...over,
});

describe('Windows Event Log writer (how PowerShell is called; not run on Windows here)', () => {
  it('a fixed script through execFile; the record only in environment variables, never in the arguments', async () => {
    const calls: { file: string; args: readonly string[]; env: Record<string, string | undefined> }[] = [];
    const exec: ExecFile = async (file, args, options) => {
      calls.push({ file, args, env: options.env });
    };
    const hostile = `{"x":"'; Remove-Item C:\\\\ -Recurse; $(calc) \`"}`;
    const write = windowsEventLogWriter(exec, { SystemRoot: 'C:\\Windows' });
    await write(record({ line: hostile, outcome: 'failed' }));
    await write(record({ type: 'staff', line: '{"type":"staff"}' }));
    expect(calls[0]!.file).toBe('powershell.exe');
    expect(calls[0]!.args.join(' ')).not.toContain('Remove-Item');
    expect(calls[0]!.args).toEqual(calls[1]!.args);
    expect(calls[0]!.env).toMatchObject({ PK_EVENT_MESSAGE: hostile, PK_EVENT_ID: '1001', PK_ENTRY_TYPE: 'Warning', SystemRoot: 'C:\\Windows' });
    expect(calls[1]!.env).toMatchObject({ PK_EVENT_ID: '1200', PK_ENTRY_TYPE: 'Information' });
  });
});
