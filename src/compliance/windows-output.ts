import { z } from 'zod';

/**
 * The JSON document the PowerShell script prints, validated before anything reads it. Each section
 * may be null (that section's try/catch fired); PowerShell 5.1 turns an empty or one-item array into
 * null or a bare value in some places, so lists accept those shapes too. Unknown keys are dropped.
 */
const nameList = z
  .union([z.array(z.string().nullable()), z.string(), z.null()])
  .transform((value) => (value === null ? [] : (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string' && item.length > 0)));

const flag = z.union([z.number().int(), z.boolean(), z.null()]).transform((value) => (value === null ? null : value === true || value === 1 ? true : value === false || value === 0 ? false : true));

const printer = z.object({ name: z.string(), port: z.string().nullable().transform((port) => port ?? '') });

const browser = z.object({ installed: z.boolean(), settings: z.record(z.string(), flag) }).nullable();

export const windowsOutputSchema = z.object({
  version: z.literal(1),
  os: z.object({ caption: z.string(), version: z.string(), build: z.number().int(), displayVersion: z.string().nullable().optional(), editionId: z.string().nullable().optional() }).nullable(),
  processes: nameList.nullable(),
  services: nameList.nullable(),
  uninstall: nameList.nullable(),
  appx: nameList.nullable(),
  folders: nameList.nullable(),
  remoteDesktop: z.object({ rdpEnabled: z.boolean().nullable(), remoteAssistanceEnabled: z.boolean().nullable() }).nullable(),
  antivirus: z
    .union([z.array(z.object({ name: z.string(), productState: z.number().int() })), z.object({ name: z.string(), productState: z.number().int() }), z.null()])
    .transform((value) => (value === null ? [] : Array.isArray(value) ? value : [value]))
    .nullable(),
  defender: z.object({ antivirusEnabled: z.boolean(), realTimeProtectionEnabled: z.boolean(), signatureAgeDays: z.number().int() }).nullable(),
  updates: z.object({ lastSecurityUpdate: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/).nullable(), serviceStartType: z.string() }).nullable(),
  browsers: z.object({ chrome: browser, edge: browser, chromium: browser, firefox: browser }).nullable(),
  account: z.object({ administrator: z.boolean() }).nullable(),
  // Absent in documents from before the print-to-file check: that check is then `error`.
  printers: z
    .union([z.array(printer), printer, z.null()])
    .transform((value) => (value === null ? [] : Array.isArray(value) ? value : [value]))
    .nullable()
    .optional(),
});

export type WindowsOutput = z.infer<typeof windowsOutputSchema>;

/**
 * Security Center's productState: the middle byte is the scanner state (0x10 or 0x11 = on), the low
 * byte the signature state (0x00 = up to date). E.g. 397568 = 0x061100: on, up to date.
 */
export function decodeProductState(state: number): { enabled: boolean; upToDate: boolean } {
  const scanner = (state >> 8) & 0xff;
  return { enabled: scanner === 0x10 || scanner === 0x11, upToDate: (state & 0xff) === 0x00 };
}

/**
 * Table key for the policy's osSupport.supportEnds: windows-<10|11>-<release>, with "-ltsc" for the
 * long-term servicing editions. Windows 11 still reports "Windows 10" in places: the build decides.
 */
export function windowsOsKey(os: NonNullable<WindowsOutput['os']>): string {
  const major = os.build >= 22000 ? '11' : '10';
  const release = (os.displayVersion || 'unknown').toLowerCase().replace(/[^a-z0-9]/g, '');
  const ltsc = /ltsc|ltsb/i.test(`${os.caption} ${os.editionId ?? ''}`) ? '-ltsc' : '';
  return `windows-${major}-${release}${ltsc}`;
}
