import { z } from 'zod';
import { complianceSchema } from './compliance-schema';
import { parseHostPattern } from './host-pattern';
import { osPath } from './schema-os-path';
import { reportingSchema } from './schema-reporting';
import { printingSchema } from './printing';

/**
 * The kiosk policy: the single source of truth. `policies/policy.schema.json` is generated from this
 * (`npm run schema`) and a test fails when the checked-in copy is stale. Every object is strict:
 * an unknown key is an error, because a typo must never silently weaken a kiosk.
 */

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM, 00:00 to 23:59');

const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** Lists where a repeat is a mistake (two 11:30 shift ends, mon twice) rather than harmless. */
function uniqueList<T extends z.ZodType<string>>(item: T) {
  return z.array(item).superRefine((list, ctx) => {
    list.forEach((value, index) => {
      if (list.indexOf(value) !== index) {
        ctx.addIssue({ code: 'custom', path: [index], message: `"${value}" is listed twice` });
      }
    });
  });
}

export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** `example.gov.vn` (that host only) or `*.example.gov.vn` (its subdomains, on label boundaries). */
export const hostPattern = z
  .string()
  .superRefine((text, ctx) => {
    const parsed = parseHostPattern(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `host "${text}" ${parsed.message}` });
  })
  .describe('An exact host (dichvucong.gov.vn) or *.suffix for its subdomains (*.dichvucong.gov.vn). No scheme, path or port.')
  .meta({ pattern: '^(\\*\\.)?[^\\s/:@?#*%\\\\]+$|^\\[[0-9a-fA-F:.]+\\]$' });

const localized = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });

const hostRule = z.strictObject({
  host: hostPattern,
  /** Non-default ports this rule allows, e.g. [8443]. Without it only the scheme's default port. */
  ports: z.array(z.number().int().min(1).max(65535)).optional(),
  /** Schemes for this rule; defaults to sites.schemes. */
  schemes: z.array(z.enum(['https', 'http'])).min(1).optional(),
  note: z.string().optional(),
});

/** Deny rules name hosts only: a deny applies to every scheme and port. */
const denyRule = z.strictObject({ host: hostPattern, note: z.string().optional() });

const service = z.strictObject({
  name: localized,
  url: z.string().min(1),
  description: localized.optional(),
});

/** A category host: a pattern, or `{ host, note }` when people need to know who runs it. */
const categoryHost = z.union([hostPattern, z.strictObject({ host: hostPattern, note: z.string().optional() })]);

const category = z.strictObject({
  description: z.string().optional(),
  hosts: z.array(categoryHost).min(1),
});

export const permissionName = z.enum([
  'clipboard-read',
  'clipboard-sanitized-write',
  'fullscreen',
  'geolocation',
  'media',
  'notifications',
  'pointerLock',
  'window-management',
]);

export const policySchema = z.strictObject({
  version: z.literal(1).describe('Policy format version: 1.'),
  sites: z.strictObject({
    mode: z.enum(['allowlist', 'blocklist']),
    schemes: z.array(z.enum(['https', 'http'])).min(1),
    allow: z.array(hostRule),
    deny: z.array(denyRule),
    blockCategories: z.array(z.string().min(1)),
    /** Categories whose hosts are allowed like allow rules (sites.schemes, default ports). Never chat apps or the local network. */
    allowCategories: z.array(z.string().min(1)).default([]),
    categories: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), category),
  }).describe('Which sites the kiosk may open. Deny rules and blocked categories always beat allow rules and allowed categories. / Trang được mở.'),
  /** Tiles on the welcome screen; each URL must be allowed by the site rules. */
  services: z.array(service).min(1).describe('Welcome-screen tiles (Vietnamese and English names); each URL must be allowed. / Ô dịch vụ trên màn hình chào.'),
  permissions: z.strictObject({
    allow: z.array(z.strictObject({ host: hostPattern, permission: permissionName })),
  }),
  schedule: z.strictObject({
    timeZone: z
      .string()
      .refine(isKnownTimeZone, 'is not a known IANA time zone (e.g. Asia/Ho_Chi_Minh)')
      .describe('IANA time zone of the shift ends, e.g. Asia/Ho_Chi_Minh.'),
    shiftEnds: uniqueList(clock).min(1),
    days: uniqueList(weekday).min(1),
    /** Countdown shown to a citizen still in session when the shift ends. */
    warningSeconds: z.number().int().min(0).max(1800),
  }).describe('Shift ends: the full wipe runs by itself at each one. / Giờ hết ca: tự động xóa toàn bộ dữ liệu.'),
  session: z.strictObject({
    idleTimeoutSeconds: z.number().int().min(30).max(7200),
    idleWarningSeconds: z.number().int().min(5).max(600),
  }).describe('A citizen session ends after idleTimeoutSeconds without input, after a warning of idleWarningSeconds. / Thời gian chờ.'),
  downloads: z.strictObject({
    enabled: z.boolean(),
    allowedExtensions: z.array(z.string().regex(/^[a-z0-9]+$/, 'lower-case extension without the dot')),
    maxSizeMB: z.number().positive().max(4096),
  }).describe('Downloads: allowed file types and size cap; files are deleted with the session. / Tải xuống.'),
  printing: printingSchema,
  ui: z.strictObject({
    language: z.enum(['vi', 'en']),
    languages: uniqueList(z.enum(['vi', 'en'])).min(1),
    unitName: localized.optional(),
  }),
  paths: z.strictObject({
    sessionData: osPath,
    downloads: osPath,
    state: osPath,
  }).describe('Data roots, one path or one per OS; ${VAR} comes from the environment. The wipe empties sessionData and downloads; state keeps the audit log. / Thư mục dữ liệu.'),
  wipe: z.strictObject({
    /** Folders emptied at every shift wipe, e.g. a scanner's output folder. */
    extraPaths: z.array(osPath),
    /** Folders emptied (kept, not removed) at every session wipe and every shift wipe: a scanner's output folder. */
    sessionPaths: z.array(osPath),
    /** OS credential-store services whose entries the shift wipe deletes. */
    credentialServices: z.array(z.string().min(1)),
  }),
  staff: z.strictObject({
    password: z.strictObject({
      minLength: z.number().int().min(8).max(128),
      requireLower: z.boolean(),
      requireUpper: z.boolean(),
      requireDigit: z.boolean(),
      requireSymbol: z.boolean(),
      maxAgeDays: z.number().int().min(1).max(3650),
    }),
    pin: z.strictObject({
      allowed: z.boolean(),
      minLength: z.number().int().min(6).max(12),
    }),
    /** Deprecated and ignored (policy check notes where it is set): the kiosk-wide sign-in delay replaced the per-account lockout. */
    lockout: z
      .strictObject({
        maxFailures: z.number().int().min(1).max(20),
        baseDelaySeconds: z.number().int().min(1).max(3600),
      })
      .optional()
      .describe('Deprecated, ignored: failed sign-ins now slow the whole kiosk down (1 s doubling to 5 min) and lock no account.'),
    /** The staff panel signs staff out after this long without input, so no panel is left open to a citizen. */
    idleSignOutSeconds: z.number().int().min(15).max(1800).describe('Seconds without input after which the staff panel signs staff out and closes (15–1800).'),
  }),
  reporting: reportingSchema,
  compliance: complianceSchema,
  install: z.strictObject({
    kioskUser: z
      .string()
      .regex(/^(?:[A-Za-z0-9._-]+\\)?[A-Za-z0-9_][A-Za-z0-9._ -]{0,63}$/, 'must be an account name: letters, digits, . _ - space, an optional COMPUTER\\ prefix')
      .refine((name) => !name.endsWith(' '), 'must not end with a space')
      .optional(),
  }).optional().describe('Installation: kioskUser is the account the kiosk runs as, used by the MSI and the setup program when no KIOSKUSER is given (Group Policy drops this file first), and by install-folders / install-schedule without --kiosk-user (default kiosk). / Cài đặt: tài khoản kiosk.'),
});

export type Policy = z.infer<typeof policySchema>;
export type HostRule = Policy['sites']['allow'][number];
export type CategoryHost = Policy['sites']['categories'][string]['hosts'][number];

/** The host pattern of a category entry, written either way. */
export function categoryHostPattern(entry: CategoryHost): string {
  return typeof entry === 'string' ? entry : entry.host;
}
export type OsPath = Policy['paths']['state'];
export type PermissionName = z.infer<typeof permissionName>;
export type Weekday = z.infer<typeof weekday>;
