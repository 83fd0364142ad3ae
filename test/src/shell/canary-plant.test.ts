import { describe, expect, it } from 'vitest';
import { canaryPlantOrigin, describePlantResult, parseCanaryPlantResult } from '../../../src/shell/canary-plant';
import { testPolicy } from './policy-fixture';

const written = { localStorage: 'written', sessionStorage: 'written', indexedDB: 'written', cacheStorage: 'unavailable' };

describe('where the storage canaries may be planted', () => {
  it.each([
    ['https://dichvucong.gov.vn/trang?x=1', 'https://dichvucong.gov.vn'],
    ['https://hue.dichvucong.gov.vn/', 'https://hue.dichvucong.gov.vn'],
    ['https://portal.example.vn:8443/a', 'https://portal.example.vn:8443'],
    ['https://ads.dichvucong.gov.vn/', null],
    ['https://zalo.me/', null],
    ['http://dichvucong.gov.vn/', null],
    ['about:blank', null],
    ['chrome-error://chromewebdata/', null],
    ['data:text/html,hi', null],
    ['', null],
  ])('%s → %s', (url, origin) => {
    expect(canaryPlantOrigin(testPolicy(), url)).toBe(origin);
  });
});

describe('the answer of the canary script (it comes from a renderer: untrusted)', () => {
  it('is taken field by field', () => {
    const answer = { origin: 'https://dichvucong.gov.vn', stores: written, errors: { cacheStorage: 'SecurityError' }, extra: 'ignored' };
    expect(parseCanaryPlantResult(answer)).toEqual({ origin: 'https://dichvucong.gov.vn', stores: written, errors: { cacheStorage: 'SecurityError' } });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'written'],
    ['no origin', { stores: written, errors: {} }],
    ['a huge origin', { origin: 'x'.repeat(301), stores: written, errors: {} }],
    ['an unknown outcome', { origin: 'o', stores: { ...written, indexedDB: 'maybe' }, errors: {} }],
    ['a missing store', { origin: 'o', stores: { localStorage: 'written' }, errors: {} }],
    ['no errors object', { origin: 'o', stores: written }],
  ])('%s is refused', (_name, answer) => {
    expect(parseCanaryPlantResult(answer)).toBeNull();
  });

  it('drops error names that are not plain words, and the log line holds no value, origin or URL', () => {
    const parsed = parseCanaryPlantResult({ origin: 'https://dichvucong.gov.vn', stores: { ...written, localStorage: 'failed' }, errors: { localStorage: 'x https://evil/ y', indexedDB: 'Timeout' } });
    expect(parsed?.errors).toEqual({ indexedDB: 'Timeout' });
    const line = parsed ? describePlantResult(parsed) : '';
    expect(line).toBe('localStorage failed, sessionStorage written, indexedDB written (Timeout), cacheStorage unavailable');
  });
});
