import { complianceDefaults } from './compliance-schema';
import type { Policy } from './schema';

/** A policy layer: any subset of the policy. Objects merge key by key; arrays replace whole. */
export type PolicyLayer = DeepPartial<Policy>;
type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * The lowest layer, compiled in: safe values for everything that is not specific to a unit. It has no
 * allowed sites and no welcome tiles on purpose — a kiosk without the bundled default.yaml (or a file
 * that sets them) must refuse to start, not open onto the whole web.
 */
export const builtInDefaults: PolicyLayer = {
  version: 1,
  sites: { mode: 'allowlist', schemes: ['https'], deny: [], blockCategories: [], allowCategories: [], categories: {} },
  permissions: { allow: [] },
  schedule: { timeZone: 'Asia/Ho_Chi_Minh', shiftEnds: ['11:30', '17:00'], days: ['mon', 'tue', 'wed', 'thu', 'fri'], warningSeconds: 60 },
  session: { idleTimeoutSeconds: 180, idleWarningSeconds: 30 },
  downloads: { enabled: false, allowedExtensions: [], maxSizeMB: 20 },
  // Silent: a page's print request is printed by main without a dialog (no file browser).
  printing: { mode: 'silent', printer: '' },
  ui: { language: 'vi', languages: ['vi', 'en'] },
  paths: {
    sessionData: { windows: '${ProgramData}\\public-kiosk\\session-data', linux: '/var/lib/public-kiosk/session-data' },
    downloads: { windows: '${ProgramData}\\public-kiosk\\downloads', linux: '/var/lib/public-kiosk/downloads' },
    state: { windows: '${ProgramData}\\public-kiosk\\state', linux: '/var/lib/public-kiosk/state' },
  },
  wipe: { extraPaths: [], sessionPaths: [], credentialServices: [] },
  staff: {
    password: { minLength: 12, requireLower: true, requireUpper: true, requireDigit: true, requireSymbol: true, maxAgeDays: 90 },
    pin: { allowed: false, minLength: 6 },
    idleSignOutSeconds: 120,
  },
  reporting: { prometheus: {}, syslog: [], onTimeGraceMinutes: 15 },
  compliance: complianceDefaults,
};
