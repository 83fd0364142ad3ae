import { z } from 'zod';
import type { PathSegment } from './issues';

/**
 * `printing` in the policy. A page's print request goes to main, never to a dialog, unless the IT
 * officer asks for the OS dialog (which can browse files through "Save as PDF" / "Print to file").
 * - off: window.print() and Ctrl+P do nothing (the citizen sees a short notice);
 * - silent (default): printed by main on `printer` (empty: the OS default printer), no dialog;
 * - dialog: the OS print dialog, as a browser does.
 * The old `printing.enabled` still works, read per layer (true → silent, false → off), with a note.
 */
export const printingModes = ['off', 'silent', 'dialog'] as const;
export type PrintingMode = (typeof printingModes)[number];

export const printingSchema = z
  .strictObject({
    mode: z.enum(printingModes).describe('off: no printing (a notice); silent: printed without a dialog on `printer`; dialog: the OS print dialog (can browse files).'),
    printer: z
      .string()
      .max(256)
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
      .regex(/^[^\u0000-\u001f\u007f]*$/, 'must be a printer name without control characters')
      .describe('The printer for silent printing, as the OS names it; empty: the OS default printer.'),
    enabled: z.boolean().optional().describe('Deprecated: use mode (true → silent, false → off).'),
  })
  .describe('Printing: off, silent (no dialog, default) or dialog. / In: tắt, in thẳng (mặc định) hoặc hộp thoại in.');

export interface LayerNote {
  path: PathSegment[];
  message: string;
}

/**
 * One layer's `printing.enabled` turned into `printing.mode` (a copy; the layer itself is not
 * touched), so a machine file that still says `enabled: false` turns printing off over the bundled
 * `mode: silent`. Both keys in one layer is an error: which one was meant cannot be guessed.
 */
export function upgradePrintingLayer(data: Record<string, unknown>): { data: Record<string, unknown>; notes: LayerNote[]; errors: LayerNote[] } {
  const printing = data['printing'];
  if (printing === null || typeof printing !== 'object' || Array.isArray(printing)) return { data, notes: [], errors: [] };
  const { enabled, ...rest } = printing as Record<string, unknown>;
  if (typeof enabled !== 'boolean') return { data, notes: [], errors: [] };
  const path = ['printing', 'enabled'];
  if ('mode' in rest) {
    return { data, notes: [], errors: [{ path, message: 'printing.enabled is deprecated and this file also sets printing.mode: remove printing.enabled' }] };
  }
  const mode: PrintingMode = enabled ? 'silent' : 'off';
  return {
    data: { ...data, printing: { ...rest, mode } },
    notes: [{ path, message: `deprecated: read as printing.mode: ${mode} (true → silent, false → off); write printing.mode instead` }],
    errors: [],
  };
}

/** Cross-field rules on the merged `printing`: a printer with printing off is a mistake. */
export function printingIssues(printing: z.infer<typeof printingSchema>): LayerNote[] {
  if (printing.mode === 'off' && printing.printer !== '') {
    return [{ path: ['printing', 'printer'], message: 'a printer is set but printing.mode is off: remove the printer or choose mode silent' }];
  }
  if (isPrintToFilePrinter(printing.printer)) {
    return [{ path: ['printing', 'printer'], message: `"${printing.printer}" prints to a file and asks where to save it (a file dialog): name a paper printer` }];
  }
  return [];
}

/**
 * Printers that write a file instead of paper ask where to save it — a file dialog, even for a
 * "silent" job (Microsoft Print to PDF does). Named by what they are, case-insensitive; the kiosk
 * checks the OS's printers against the same names at print time (src/shell/printing.ts).
 */
const PRINT_TO_FILE = /\b(pdf|xps|onenote|fax)\b|print to file|document writer/i;

export function isPrintToFilePrinter(name: string): boolean {
  return PRINT_TO_FILE.test(name);
}

/** What `policy check` warns about (the policy is still valid). */
export function printingWarnings(printing: z.infer<typeof printingSchema>): LayerNote[] {
  if (printing.mode !== 'dialog') return [];
  return [
    {
      path: ['printing', 'mode'],
      message:
        'dialog: the OS print dialog can browse files ("Save as PDF", "Microsoft Print to PDF", "Print to file") unless the print-to-file printers are removed from this machine (docs/INSTALL.md); silent prints without a dialog',
    },
  ];
}
