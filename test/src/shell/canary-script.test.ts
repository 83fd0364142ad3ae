import { describe, expect, it } from 'vitest';
import { createSessionCanaries } from '../../../src/wipe/canaries';
import { buildCanaryScript, CANARY_CACHE_PATH, CANARY_STORAGE_NAME, type StorageCanaryValues } from '../../../src/shell/canary-script';
import { fakePage } from './canary-page';

const values: StorageCanaryValues = { localStorage: 'Loc4lAAAAAAAAAAAAAAAAAA', sessionStorage: 'Sess1onBBBBBBBBBBBBBBBBB', indexedDB: 'IdbCCCCCCCCCCCCCCCCCCCCC', cacheStorage: 'CacheDDDDDDDDDDDDDDDDDDD' };

describe('the storage canary script', () => {
  it('writes each value under the kiosk’s own name and says which stores were written', async () => {
    const page = fakePage({ caches: true });
    const result = await page.run(buildCanaryScript(values));
    expect(result).toEqual({
      origin: 'https://dichvucong.gov.vn',
      stores: { localStorage: 'written', sessionStorage: 'written', indexedDB: 'unavailable', cacheStorage: 'written' },
      errors: {},
    });
    expect(page.local.get(CANARY_STORAGE_NAME)).toBe(values.localStorage);
    expect(page.session.get(CANARY_STORAGE_NAME)).toBe(values.sessionStorage);
    expect([...page.cached]).toEqual([[`${CANARY_STORAGE_NAME} https://dichvucong.gov.vn${CANARY_CACHE_PATH}`, values.cacheStorage]]);
  });

  it('reports Cache Storage as unavailable outside a secure context, and a refused store as failed, without throwing', async () => {
    const page = fakePage({ caches: false, indexedDB: 'throws', localStorageThrows: 'QuotaExceededError' });
    const result = await page.run(buildCanaryScript(values));
    expect(result).toEqual({
      origin: 'https://dichvucong.gov.vn',
      stores: { localStorage: 'failed', sessionStorage: 'written', indexedDB: 'failed', cacheStorage: 'unavailable' },
      errors: { localStorage: 'QuotaExceededError', indexedDB: 'InvalidStateError' },
    });
    expect(page.session.get(CANARY_STORAGE_NAME)).toBe(values.sessionStorage);
  });

  it('carries hostile values as data: quotes, backslashes, </script> and line separators cannot break out', async () => {
    const hostile = `"); self.pwned = 1; ("'\\\`\${1}</script><script>self.pwned=2</script>\u2028\u2029<!--`;
    const code = buildCanaryScript({ ...values, localStorage: hostile, sessionStorage: `${hostile}x` });
    expect(code).not.toMatch(/<\/script|<!--|\u2028|\u2029/i);
    const page = fakePage({ caches: true });
    const result = (await page.run(code)) as { stores: Record<string, string> };
    expect(result.stores.localStorage).toBe('written');
    expect(page.local.get(CANARY_STORAGE_NAME)).toBe(hostile);
    expect(page.session.get(CANARY_STORAGE_NAME)).toBe(`${hostile}x`);
    expect(await page.run('typeof self.pwned')).toBe('undefined');
  });

  it('is the same text for the same values, differs for others, and holds only the four storage values', () => {
    const canaries = createSessionCanaries('citizen-1');
    expect(buildCanaryScript(canaries)).toBe(buildCanaryScript({ ...canaries }));
    expect(buildCanaryScript(canaries)).not.toBe(buildCanaryScript(createSessionCanaries('citizen-1')));
    const code = buildCanaryScript(canaries);
    for (const kind of ['localStorage', 'sessionStorage', 'indexedDB', 'cacheStorage'] as const) expect(code).toContain(canaries[kind]);
    for (const other of [canaries.cookie, canaries.download, canaries.sessionId]) expect(code).not.toContain(other);
    // Self-contained: nothing fetched or imported, no page globals beyond the storage APIs.
    expect(code).not.toMatch(/\bimport\b|\bfetch\(|\beval\(|XMLHttpRequest|document\./);
  });
});
