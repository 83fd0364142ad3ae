import { describe, expect, it } from 'vitest';
import { decideRequest } from '../../../src/shell/requests';
import { testPolicy } from './policy-fixture';

const policy = testPolicy();

describe('decideRequest', () => {
  it.each([
    // resource type, URL, allowed, code
    ['mainFrame', 'https://dichvucong.gov.vn/', true, 'allowed'],
    ['mainFrame', 'https://www.google.com/', false, 'not-allowed'],
    ['mainFrame', 'https://chat.zalo.me/', false, 'category'],
    ['subFrame', 'https://www.youtube.com/embed/x', false, 'not-allowed'],
    ['subFrame', 'https://thutuc.dichvucong.gov.vn/frame', true, 'allowed'],
    ['script', 'https://cdn.jsdelivr.net/npm/x.js', true, 'allowed'],
    ['image', 'https://thutuc.dichvucong.gov.vn/logo.png', true, 'allowed'],
    ['xhr', 'https://chat.zalo.me/api/send', false, 'category'],
    ['xhr', 'https://ads.dichvucong.gov.vn/track', false, 'deny-rule'],
    ['ping', 'https://www.messenger.com/beacon', false, 'category'],
    ['script', 'https://sp.zalo.me/plugins/sdk.js', false, 'category'],
    ['webSocket', 'wss://ws.zalo.me/socket', false, 'category'],
    ['webSocket', 'wss://thutuc.dichvucong.gov.vn/live', true, 'allowed'],
    ['other', 'https://user:pw@cdn.example/x', false, 'userinfo'],
    ['media', 'http://127.0.0.1:9/x.mp4', true, 'allowed'],
    ['xhr', 'not a url', false, 'invalid-url'],
  ] as const)('%s %s → %s (%s)', (resourceType, url, allow, code) => {
    expect(decideRequest(policy, { url, resourceType })).toMatchObject({ allow, code });
  });
});
