import { z } from 'zod';

/**
 * The kiosk policy: the single source of truth. `policies/policy.schema.json` is generated from this
 * (`npm run schema`) and a test fails when the checked-in copy is stale. Every object is strict:
 * an unknown key is an error, because a typo must never silently weaken a kiosk.
 */

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM, 00:00 to 23:59');

const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** `example.gov.vn` (that host only) or `*.example.gov.vn` (its subdomains, on label boundaries). */
export const hostPattern = z
  .string()
  .min(1)
  .describe('An exact host (dichvucong.gov.vn) or *.suffix for its subdomains (*.dichvucong.gov.vn). No scheme, path or port.');

const localized = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });

/** A path, or one path per operating system; `${VAR}` references are expanded from the environment. */
const osPath = z.union([
  z.string().min(1),
  z.strictObject({
    windows: z.string().min(1).optional(),
    linux: z.string().min(1).optional(),
    darwin: z.string().min(1).optional(),
  }),
]);

const hostRule = z.strictObject({
  host: hostPattern,
  /** Non-default ports this rule allows, e.g. [8443]. Without it only the scheme's default port. */
  ports: z.array(z.number().int().min(1).max(65535)).optional(),
  /** Schemes for this rule; defaults to sites.schemes. */
  schemes: z.array(z.enum(['https', 'http'])).min(1).optional(),
  note: z.string().optional(),
});

const service = z.strictObject({
  name: localized,
  url: z.string().min(1),
  description: localized.optional(),
});

const category = z.strictObject({
  description: z.string().optional(),
  hosts: z.array(hostPattern).min(1),
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
  version: z.literal(1),
  sites: z.strictObject({
    mode: z.enum(['allowlist', 'blocklist']),
    schemes: z.array(z.enum(['https', 'http'])).min(1),
    allow: z.array(hostRule),
    deny: z.array(hostRule),
    blockCategories: z.array(z.string().min(1)),
    categories: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), category),
  }),
  /** Tiles on the welcome screen; each URL must be allowed by the site rules. */
  services: z.array(service).min(1),
  permissions: z.strictObject({
    allow: z.array(z.strictObject({ host: hostPattern, permission: permissionName })),
  }),
  schedule: z.strictObject({
    timeZone: z.string().min(1),
    shiftEnds: z.array(clock).min(1),
    days: z.array(weekday).min(1),
    /** Countdown shown to a citizen still in session when the shift ends. */
    warningSeconds: z.number().int().min(0).max(1800),
  }),
  session: z.strictObject({
    idleTimeoutSeconds: z.number().int().min(30).max(7200),
    idleWarningSeconds: z.number().int().min(5).max(600),
  }),
  downloads: z.strictObject({
    enabled: z.boolean(),
    allowedExtensions: z.array(z.string().regex(/^[a-z0-9]+$/, 'lower-case extension without the dot')),
    maxSizeMB: z.number().positive().max(4096),
  }),
  printing: z.strictObject({ enabled: z.boolean() }),
  ui: z.strictObject({
    language: z.enum(['vi', 'en']),
    languages: z.array(z.enum(['vi', 'en'])).min(1),
    unitName: localized.optional(),
  }),
  paths: z.strictObject({
    sessionData: osPath,
    downloads: osPath,
    state: osPath,
  }),
  wipe: z.strictObject({
    /** Folders emptied at every shift wipe, e.g. a scanner's output folder. */
    extraPaths: z.array(osPath),
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
    lockout: z.strictObject({
      maxFailures: z.number().int().min(1).max(20),
      baseDelaySeconds: z.number().int().min(1).max(3600),
    }),
  }),
});

export type Policy = z.infer<typeof policySchema>;
export type HostRule = Policy['sites']['allow'][number];
export type OsPath = Policy['paths']['state'];
export type PermissionName = z.infer<typeof permissionName>;
export type Weekday = z.infer<typeof weekday>;
