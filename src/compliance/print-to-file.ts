import { isPrintToFilePrinter, type PrintingMode } from '../policy/printing';
import type { CheckOutcome } from './types';

/**
 * A printer as the OS lists it: its name and where it sends jobs (Windows: the port name; Linux: the
 * CUPS device URI). Only names reach the evidence; ports and URIs may hold paths and stay here.
 */
export interface PrinterFacts {
  name: string;
  port: string;
}

/**
 * Printers that write a file rather than paper: their print dialog asks where to save — a file
 * browser on the citizen's screen. By name (Microsoft Print to PDF, XPS Document Writer, OneNote,
 * fax, any "PDF" queue), by Windows port (FILE:, PORTPROMPT:, a local file path such as C:\out.prn),
 * or by CUPS backend (file:, cups-pdf:).
 */
export function printsToFile(printer: PrinterFacts): boolean {
  if (isPrintToFilePrinter(printer.name)) return true;
  const port = printer.port.trim();
  if (/^(file|portprompt):$/i.test(port) || /^[a-z]:\\/i.test(port)) return true;
  return /^(file|cups-pdf):/i.test(port);
}

/** A printer name as evidence may hold it (no path characters, at most 100 characters). */
export function evidenceName(name: string): string {
  return name.replace(/[^\p{L}\p{N} ._:()+,@-]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) || 'unnamed printer';
}

/**
 * With printing.mode `dialog` a page's print opens the OS dialog, where a print-to-file printer is a
 * file browser: fail. In `silent` and `off` no dialog is shown to the citizen (silent jobs never go
 * to such a printer, src/shell/printing.ts), yet one left installed is a dialog away: warn.
 */
export function evaluatePrintToFile(printers: readonly PrinterFacts[], mode: PrintingMode): CheckOutcome {
  const toFile = [...new Set(printers.filter(printsToFile).map((printer) => evidenceName(printer.name)))].slice(0, 100);
  const evidence = { printingMode: mode, printToFilePrinters: toFile, printerCount: printers.length };
  if (toFile.length === 0) return { status: 'pass', evidence };
  return { status: mode === 'dialog' ? 'fail' : 'warn', evidence };
}

/**
 * CUPS's printers.conf: each <Printer NAME> / <DefaultPrinter NAME> section and its DeviceURI.
 * The file is usually readable by root only; `lpstat -v` (parseLpstatDevices) is the fallback.
 */
export function parseCupsPrintersConf(text: string): PrinterFacts[] {
  const printers: PrinterFacts[] = [];
  let current: PrinterFacts | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const open = /^<(?:Default)?Printer\s+(.+)>$/i.exec(line);
    if (open) {
      current = { name: open[1]!.trim(), port: '' };
      continue;
    }
    if (/^<\/(?:Default)?Printer>$/i.test(line)) {
      if (current) printers.push(current);
      current = null;
      continue;
    }
    const uri = /^DeviceURI\s+(\S+)/i.exec(line);
    if (current && uri) current.port = uri[1]!;
  }
  return printers;
}

/** `lpstat -v` under LANG=C: "device for NAME: URI" per queue. */
export function parseLpstatDevices(text: string): PrinterFacts[] {
  return text
    .split('\n')
    .map((line) => /^device for ([^:]+):\s*(\S+)/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ name: match[1]!, port: match[2]! }));
}
