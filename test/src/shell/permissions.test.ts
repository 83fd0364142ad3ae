import { describe, expect, it } from 'vitest';
import { decidePermission } from '../../../src/shell/permissions';
import { testPolicy } from './policy-fixture';

const policy = testPolicy();

describe('decidePermission', () => {
  it.each([
    // permission, requesting URL, embedding origin, granted, reason
    ['media', 'https://thutuc.dichvucong.gov.vn/video-call', undefined, true, 'policy-allows'],
    ['media', 'https://thutuc.dichvucong.gov.vn', undefined, true, 'policy-allows'],
    ['geolocation', 'https://baohiemxahoi.gov.vn/map', undefined, true, 'policy-allows'],
    ['media', 'https://dichvucong.gov.vn/', undefined, false, 'not-in-policy'],
    ['geolocation', 'https://thutuc.dichvucong.gov.vn/', undefined, false, 'not-in-policy'],
    ['notifications', 'https://thutuc.dichvucong.gov.vn/', undefined, false, 'not-in-policy'],
    ['media', 'https://ads.dichvucong.gov.vn/', undefined, false, 'site-not-allowed'],
    ['media', 'http://thutuc.dichvucong.gov.vn/', undefined, false, 'site-not-allowed'],
    ['media', 'https://evil.example/', undefined, false, 'not-in-policy'],
    ['openExternal', 'https://thutuc.dichvucong.gov.vn/', undefined, false, 'unknown-permission'],
    ['usb', 'https://thutuc.dichvucong.gov.vn/', undefined, false, 'unknown-permission'],
    ['fileSystem', 'https://thutuc.dichvucong.gov.vn/', undefined, false, 'unknown-permission'],
    ['display-capture', 'https://thutuc.dichvucong.gov.vn/', undefined, false, 'unknown-permission'],
    ['unknown', 'https://thutuc.dichvucong.gov.vn/', undefined, false, 'unknown-permission'],
    ['media', 'file:///C:/', undefined, false, 'invalid-origin'],
    ['media', 'app://kiosk', undefined, false, 'invalid-origin'],
    ['media', '', undefined, false, 'invalid-origin'],
    ['media', 'https://thutuc.dichvucong.gov.vn/', 'https://thutuc.dichvucong.gov.vn', true, 'policy-allows'],
    ['media', 'https://thutuc.dichvucong.gov.vn/', 'https://evil.example', false, 'embedder-not-in-policy'],
    ['media', 'https://thutuc.dichvucong.gov.vn/', 'https://baohiemxahoi.gov.vn', false, 'embedder-not-in-policy'],
  ] as const)('%s for %s (embedded in %s) → %s %s', (permission, requestingUrl, embeddingOrigin, granted, reason) => {
    const query = embeddingOrigin === undefined ? { permission, requestingUrl } : { permission, requestingUrl, embeddingOrigin };
    expect(decidePermission(policy, query)).toEqual({ granted, reason });
  });

  it('grants nothing with an empty allow list', () => {
    const none = testPolicy((p) => {
      p.permissions.allow = [];
    });
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'fullscreen', 'notifications', 'pointerLock']) {
      expect(decidePermission(none, { permission, requestingUrl: 'https://thutuc.dichvucong.gov.vn/' }).granted).toBe(false);
    }
  });
});
