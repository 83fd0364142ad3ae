import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The `compliance:` key: which compliance checks take the kiosk out of service, which remote-access
 * tools the unit approved, and the thresholds of the doctor's checks (src/compliance/). The check ids
 * live here, below src/compliance/, so the policy can reject an unknown id at its FILE:LINE:COL.
 */
export const complianceCheckIds = [
  'remote-access',
  'antivirus',
  'os-updates',
  'os-support',
  'browser-passwords',
  'chat-apps',
  'network-zone',
  'kiosk-account',
  'print-to-file',
] as const;
export type ComplianceCheckId = (typeof complianceCheckIds)[number];

const checkId = z.enum(complianceCheckIds);

/** "host:port": a DNS name, an IPv4 address or a bracketed IPv6 address, and a port 1-65535. */
export function parseEndpoint(text: string): { host: string; port: number } | null {
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(text);
  if (!match) return null;
  const rawHost = match[1]!;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return null;
  const host = rawHost.startsWith('[') ? rawHost.slice(1, -1) : rawHost;
  if (rawHost.startsWith('[')) return isIP(host) === 6 ? { host, port } : null;
  if (/^[\d.]+$/.test(host)) return isIP(host) === 4 ? { host, port } : null;
  const labels = host.split('.');
  const labelOk = (label: string) => /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label);
  return host.length <= 253 && labels.every(labelOk) ? { host, port } : null;
}

const endpoint = z
  .string()
  .refine((text) => parseEndpoint(text) !== null, 'must be "host:port" (a host name, IPv4 or [IPv6] address and a port 1-65535)')
  .describe('"host:port", e.g. 10.0.0.5:445 or portal.example.gov.vn:443');

/** A name, not a pattern: a "*" in an approved list would approve every tool at once. */
const plainName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._()+-]*$/, 'must be a plain name (letters, digits, space . _ ( ) + -), no wildcard');

const isoDate = z.string().regex(/^\d{4}-\d\d-\d\d$/, 'must be a date as YYYY-MM-DD');

/** Lists where a repeat is a mistake rather than harmless. */
function uniqueList<T extends z.ZodType<string>>(item: T) {
  return z.array(item).superRefine((list, ctx) => {
    list.forEach((value, index) => {
      if (list.indexOf(value) !== index) ctx.addIssue({ code: 'custom', path: [index], message: `"${value}" is listed twice` });
    });
  });
}

export const complianceSchema = z
  .strictObject({
    outOfServiceOn: uniqueList(checkId).describe('Check ids whose FAIL takes the kiosk out of service.'),
    errorAsFailAfter: z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe('An outOfServiceOn check that answers ERROR on this many runs in a row counts as FAIL (default 3): a probe broken on purpose must not keep the kiosk in service.'),
    remoteAccess: z.strictObject({
      allow: uniqueList(plainName).describe('Approved remote-access tools by catalogue id or exact name (e.g. rustdesk); the rest fail.'),
    }),
    antivirus: z.strictObject({
      approved: uniqueList(plainName).describe('Approved antivirus agents: a process or package name (Linux), a product name (Windows).'),
      maxSignatureAgeDays: z.number().int().min(1).max(365),
    }),
    updates: z
      .strictObject({
        warnAfterDays: z.number().int().min(1).max(3650),
        failAfterDays: z.number().int().min(1).max(3650),
      })
      .refine((u) => u.failAfterDays >= u.warnAfterDays, { message: 'failAfterDays must not be below warnAfterDays', path: ['failAfterDays'] }),
    osSupport: z.strictObject({
      supportEnds: z
        .record(z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be an OS key like windows-10-22h2 or debian-12'), isoDate)
        .describe('Last day of security updates per OS key (set the ESU end date if the unit bought ESU).'),
    }),
    networkZone: z.strictObject({
      internal: uniqueList(endpoint).describe('Internal endpoints the citizen network must NOT reach.'),
      external: uniqueList(endpoint).describe('External endpoints the citizen network must reach (proves the network is up).'),
      timeoutMs: z.number().int().min(100).max(30000),
    }),
  })
  .describe('Compliance doctor (public-kiosk doctor): thresholds and which failures take the kiosk out of service. / Kiểm tra tuân thủ.');

export type CompliancePolicy = z.infer<typeof complianceSchema>;

/** compliance.errorAsFailAfter when the policy does not set it. */
export const defaultErrorAsFailAfter = 3;

/** Compiled-in defaults (the bundled default.yaml repeats them with comments). */
export const complianceDefaults: CompliancePolicy = {
  outOfServiceOn: ['remote-access', 'network-zone'],
  remoteAccess: { allow: [] },
  antivirus: { approved: [], maxSignatureAgeDays: 7 },
  updates: { warnAfterDays: 35, failAfterDays: 60 },
  osSupport: {
    supportEnds: {
      'windows-10-22h2': '2025-10-14',
      'windows-10-21h2-ltsc': '2027-01-12',
      'windows-11-22h2': '2024-10-08',
      'windows-11-23h2': '2025-11-11',
      'windows-11-24h2': '2026-10-13',
      'windows-11-25h2': '2027-10-12',
      'debian-11': '2026-08-31',
      'debian-12': '2028-06-30',
      'debian-13': '2030-06-30',
      'ubuntu-22.04': '2027-06-01',
      'ubuntu-24.04': '2029-05-31',
    },
  },
  networkZone: { internal: [], external: [], timeoutMs: 2000 },
};
