import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linuxProbes } from '../../../src/compliance/linux-probes';
import { evaluatePrintToFile, parseCupsPrintersConf, parseLpstatDevices, printsToFile, type PrinterFacts } from '../../../src/compliance/print-to-file';
import { execFileRunner, type CommandRunner } from '../../../src/compliance/run-command';
import { runDoctor } from '../../../src/compliance/run-doctor';
import { windowsProbes } from '../../../src/compliance/windows-probes';
import { complianceDefaults } from '../../../src/policy/compliance-schema';
import { LinuxRoot } from './linux-fixture';

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const root = new LinuxRoot();
afterAll(() => root.cleanup());

const windowsPrinters = JSON.parse(fixture('windows-printers.json')) as PrinterFacts[];

/** The recorded compliant Windows document with these printers in it. */
function windowsRun(printers: unknown): CommandRunner {
  const document = { ...(JSON.parse(fixture('windows-11-25h2-compliant.json')) as object), printers };
  return () => Promise.resolve(JSON.stringify(document));
}

const check = (report: Awaited<ReturnType<typeof runDoctor>>) => report.checks[0]!;

describe('print-to-file printers', () => {
  it('knows them by name, by Windows port (FILE:, PORTPROMPT:, a file path) and by CUPS backend (file:, cups-pdf:)', () => {
    expect(windowsPrinters.filter(printsToFile).map((p) => p.name)).toEqual([
      'Microsoft Print to PDF',
      'Microsoft XPS Document Writer',
      'OneNote (Desktop)',
      'Fax',
      'Generic Text Only',
      'Lưu ra ổ đĩa',
    ]);
    const cups = parseCupsPrintersConf(fixture('cups-printers.conf'));
    expect(cups).toEqual([
      { name: 'Quay-1', port: 'usb://HP/LaserJet%20Pro%20M404?serial=PHBQ123456' },
      { name: 'PDF', port: 'cups-pdf:/' },
      { name: 'luu-tep', port: 'file:///tmp/in-ra.prn' },
      { name: 'Mang', port: 'ipp://10.0.0.20/ipp/print' },
    ]);
    expect(cups.filter(printsToFile).map((p) => p.name)).toEqual(['PDF', 'luu-tep']);
    expect(parseLpstatDevices(fixture('lpstat-v.txt')).filter(printsToFile).map((p) => p.name)).toEqual(['luu-tep']);
  });

  it('fail when printing.mode is dialog, warn in silent and off, pass with none; evidence holds names only', () => {
    const cups = parseCupsPrintersConf(fixture('cups-printers.conf'));
    expect(evaluatePrintToFile(cups, 'dialog')).toEqual({ status: 'fail', evidence: { printingMode: 'dialog', printToFilePrinters: ['PDF', 'luu-tep'], printerCount: 4 } });
    expect(evaluatePrintToFile(cups, 'silent').status).toBe('warn');
    expect(evaluatePrintToFile(cups, 'off').status).toBe('warn');
    expect(evaluatePrintToFile(cups.filter((p) => !printsToFile(p)), 'dialog').status).toBe('pass');
    expect(evaluatePrintToFile([], 'dialog').status).toBe('pass');
    // A share name is a path: only its plain characters reach the evidence.
    expect(evaluatePrintToFile([{ name: '\\\\may-chu\\PDF tang 2', port: '\\\\may-chu\\PDF' }], 'dialog').evidence.printToFilePrinters).toEqual(['may-chu PDF tang 2']);
  });

  it('Linux: printers.conf under the root when readable, through the doctor with the policy printing mode', async () => {
    root.write('etc/cups/printers.conf', fixture('cups-printers.conf'));
    const probes = linuxProbes({ root: root.dir, run: () => Promise.reject(new Error('lpstat must not run')) });
    const dialog = await runDoctor({ probes, policy: complianceDefaults, only: ['print-to-file'], printingMode: 'dialog' });
    expect(check(dialog)).toMatchObject({ id: 'print-to-file', status: 'fail', severity: 'high', evidence: { printToFilePrinters: ['PDF', 'luu-tep'] } });
    const silent = await runDoctor({ probes, policy: complianceDefaults, only: ['print-to-file'] });
    expect(check(silent)).toMatchObject({ status: 'warn', evidence: { printingMode: 'silent' } });
  });

  it('Linux: without a readable printers.conf, `lpstat -v` by absolute path in the C locale with a fixed PATH; no CUPS at all is no printer', async () => {
    const bare = new LinuxRoot();
    try {
      const lpstat = bare.write('usr/bin/lpstat', '#!/bin/sh\nexit 0\n');
      chmodSync(lpstat, 0o755);
      const calls: { file: string; args: readonly string[]; env?: Record<string, string> }[] = [];
      const run: CommandRunner = (file, args, options) => (calls.push({ file, args, ...(options.env ? { env: options.env } : {}) }), Promise.resolve(fixture('lpstat-v.txt')));
      const report = await runDoctor({ probes: linuxProbes({ root: bare.dir, run, programs: { lpstat } }), policy: complianceDefaults, only: ['print-to-file'], printingMode: 'dialog' });
      expect(check(report)).toMatchObject({ status: 'fail', evidence: { printToFilePrinters: ['luu-tep'], printerCount: 3 } });
      expect(calls).toEqual([{ file: lpstat, args: ['-v'], env: { LANG: 'C', LC_ALL: 'C', LANGUAGE: 'C', PATH: '/usr/sbin:/usr/bin:/sbin:/bin' } }]);
      const failing = await runDoctor({ probes: linuxProbes({ root: bare.dir, run: () => Promise.reject(new Error('no scheduler')), programs: { lpstat } }), policy: complianceDefaults, only: ['print-to-file'] });
      expect(check(failing).status).toBe('error');
      const none = await runDoctor({ probes: linuxProbes({ root: bare.dir, run, programs: { lpstat: path.join(bare.dir, 'no-lpstat') } }), policy: complianceDefaults, only: ['print-to-file'], printingMode: 'dialog' });
      expect(check(none)).toMatchObject({ status: 'pass', evidence: { printerCount: 0 } });
    } finally {
      await bare.cleanup();
    }
  });

  it('Windows: the printers section of the PowerShell document (one printer comes as a bare object); missing is error', async () => {
    const run = (printers: unknown) => runDoctor({ probes: windowsProbes({ run: windowsRun(printers) }), policy: complianceDefaults, only: ['print-to-file'], printingMode: 'dialog' }).then(check);
    expect(await run(windowsPrinters)).toMatchObject({
      status: 'fail',
      evidence: { printToFilePrinters: ['Microsoft Print to PDF', 'Microsoft XPS Document Writer', 'OneNote (Desktop)', 'Fax', 'Generic Text Only', 'Lưu ra ổ đĩa'], printerCount: 8 },
    });
    expect(await run({ name: 'Canon LBP2900', port: 'USB001' })).toMatchObject({ status: 'pass', evidence: { printerCount: 1 } });
    expect(await run(null)).toMatchObject({ status: 'error', evidence: { reason: 'windows-printers-unreadable' } });
    const old = await runDoctor({ probes: windowsProbes({ run: () => Promise.resolve(fixture('windows-11-25h2-compliant.json')) }), policy: complianceDefaults, only: ['print-to-file'] });
    expect(check(old).status).toBe('error');
  });

  it('the PowerShell script lists Win32_Printer names and ports', async () => {
    let script = '';
    const run: CommandRunner = (_file, args) => ((script = Buffer.from(args[args.length - 1]!, 'base64').toString('utf16le')), Promise.resolve('{}'));
    await windowsProbes({ run }).printers().catch(() => undefined);
    expect(script).toContain("Section 'printers' { ,@(Get-CimInstance Win32_Printer");
    expect(script).toContain('$_.PortName');
  });
});

describe('probe commands get only the environment they are given', () => {
  it('a real child process sees none of the caller environment', async () => {
    process.env.PK_PLANTED_FOR_TEST = 'planted';
    try {
      const out = await execFileRunner('/usr/bin/env', [], { env: { LANG: 'C', PATH: '/usr/bin:/bin' }, timeoutMs: 10_000 });
      expect(out.trim().split('\n').sort()).toEqual(['LANG=C', 'PATH=/usr/bin:/bin']);
    } finally {
      delete process.env.PK_PLANTED_FOR_TEST;
    }
  });
});
