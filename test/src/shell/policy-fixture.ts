import { complianceDefaults } from '../../../src/policy/compliance-schema';
import { policySchema, type Policy } from '../../../src/policy/schema';

/** A complete, schema-valid policy for shell tests; `tweak` edits a fresh copy before validation. */
export function testPolicy(tweak: (p: Policy) => void = () => undefined): Policy {
  const policy: Policy = {
    version: 1,
    sites: {
      mode: 'allowlist',
      schemes: ['https'],
      allow: [{ host: 'dichvucong.gov.vn' }, { host: '*.dichvucong.gov.vn' }, { host: 'baohiemxahoi.gov.vn' }, { host: 'portal.example.vn', ports: [8443] }],
      deny: [{ host: 'ads.dichvucong.gov.vn' }],
      blockCategories: ['chat'],
      allowCategories: [],
      categories: { chat: { hosts: ['zalo.me', '*.zalo.me', 'viber.com', '*.messenger.com', 'messenger.com'] } },
    },
    services: [{ name: { vi: 'Dịch vụ công', en: 'Public services' }, url: 'https://dichvucong.gov.vn/' }],
    permissions: {
      allow: [
        { host: '*.dichvucong.gov.vn', permission: 'media' },
        { host: 'baohiemxahoi.gov.vn', permission: 'geolocation' },
      ],
    },
    schedule: { timeZone: 'Asia/Ho_Chi_Minh', shiftEnds: ['11:30', '17:00'], days: ['mon', 'tue', 'wed', 'thu', 'fri'], warningSeconds: 60 },
    session: { idleTimeoutSeconds: 180, idleWarningSeconds: 30 },
    downloads: { enabled: true, allowedExtensions: ['pdf', 'jpg', 'docx'], maxSizeMB: 5 },
    printing: { mode: 'silent', printer: '' },
    ui: { language: 'vi', languages: ['vi', 'en'] },
    paths: { sessionData: '/var/lib/pk/session-data', downloads: '/var/lib/pk/downloads', state: '/var/lib/pk/state' },
    wipe: { extraPaths: [], sessionPaths: [], credentialServices: [] },
    staff: {
      password: { minLength: 12, requireLower: true, requireUpper: true, requireDigit: true, requireSymbol: true, maxAgeDays: 90 },
      pin: { allowed: false, minLength: 6 },
      idleSignOutSeconds: 120,
    },
    reporting: { prometheus: {}, syslog: [], onTimeGraceMinutes: 15 },
    compliance: structuredClone(complianceDefaults),
  };
  tweak(policy);
  return policySchema.parse(policy);
}
