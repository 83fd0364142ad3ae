import { describe, expect, it } from 'vitest';
import { composeStatus, policyInvalidSession } from '../../../src/shell/kiosk-status';
import { testPolicy } from './policy-fixture';

const policy = testPolicy((p) => {
  p.ui.unitName = { vi: 'Sở Y tế', en: 'Health Department' };
});
const site = { host: 'dichvucong.gov.vn', title: 'DVC', canGoBack: false, canGoForward: false, loading: false };

describe('composeStatus', () => {
  it('carries the policy texts and the open site while in session', () => {
    const status = composeStatus({ session: { state: 'in-session' }, policy, language: 'en', site, notice: { kind: 'site-blocked' } });
    expect(status).toEqual({
      state: 'in-session',
      language: 'en',
      languages: ['vi', 'en'],
      unitName: { vi: 'Sở Y tế', en: 'Health Department' },
      services: [{ name: { vi: 'Dịch vụ công', en: 'Public services' }, url: 'https://dichvucong.gov.vn/' }],
      site,
      notice: { kind: 'site-blocked' },
    });
  });

  it('says scans are wiped with the session only when the policy names scanner folders', () => {
    expect(composeStatus({ session: { state: 'welcome' }, policy, language: 'vi' }).scansWiped).toBeUndefined();
    const scanning = testPolicy((p) => void (p.wipe.sessionPaths = [{ windows: 'C:\\Scans' }]));
    expect(composeStatus({ session: { state: 'welcome' }, policy: scanning, language: 'vi' }).scansWiped).toBe(true);
  });

  it('never shows a site or a notice outside a session', () => {
    const status = composeStatus({ session: { state: 'welcome' }, policy, language: 'vi', site, notice: { kind: 'download-saved' } });
    expect(status.site).toBeUndefined();
    expect(status.notice).toBeUndefined();
  });

  it('without a policy: out of service, no services', () => {
    const status = composeStatus({ session: policyInvalidSession(new Date('2025-01-01T00:00:00Z')), policy: null, language: 'vi' });
    expect(status).toEqual({
      state: 'out-of-service',
      language: 'vi',
      languages: ['vi', 'en'],
      services: [],
      outOfService: { reason: 'policy-invalid', since: '2025-01-01T00:00:00.000Z' },
    });
  });
});
