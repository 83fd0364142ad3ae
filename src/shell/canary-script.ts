/**
 * The storage canaries (localStorage, sessionStorage, IndexedDB, Cache Storage) can only be written
 * by script running in an origin of the citizen's partition. This builds that script as one
 * self-contained source string, run by main/ in an isolated world of the site view: it shares the
 * page origin's storage, never the page's globals, so the site's own scripts cannot see or alter it.
 */

export const STORAGE_CANARY_KINDS = ['localStorage', 'sessionStorage', 'indexedDB', 'cacheStorage'] as const;
export type StorageCanaryKind = (typeof STORAGE_CANARY_KINDS)[number];
export type StorageCanaryValues = Record<StorageCanaryKind, string>;

/** The key, database, object store and cache the script writes under: the kiosk's own names, never the site's. */
export const CANARY_STORAGE_NAME = 'public-kiosk-canary';
/** Cache Storage needs a request URL as its key: a path in the page's own origin, never fetched. */
export const CANARY_CACHE_PATH = '/.well-known/public-kiosk-canary';
/** Each store gets this long before it counts as failed, so a stuck IndexedDB open cannot hold the result. */
export const STORE_TIMEOUT_MS = 5_000;

/** `unavailable`: the API does not exist here (Cache Storage outside a secure context). */
export type StoreOutcome = 'written' | 'unavailable' | 'failed';

export interface CanaryPlantResult {
  /** `location.origin` of the document the script ran in ("null" for an opaque one, such as an error page). */
  origin: string;
  stores: Record<StorageCanaryKind, StoreOutcome>;
  /** The DOMException name of each failed store (e.g. SecurityError, QuotaExceededError, Timeout). */
  errors: Partial<Record<StorageCanaryKind, string>>;
}

/**
 * JSON with every character that could end a script element or a line in older parsers escaped, so
 * the text is inert wherever it is embedded. Canary values are random letters and digits; this holds
 * even if they were not.
 */
function inertJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same values give the same text: nothing random, no time, nothing about the citizen. */
export function buildCanaryScript(values: StorageCanaryValues): string {
  const literal = inertJson(Object.fromEntries(STORAGE_CANARY_KINDS.map((kind) => [kind, String(values[kind])])));
  return `(async () => {
  "use strict";
  const values = ${literal};
  const name = ${inertJson(CANARY_STORAGE_NAME)};
  const result = { origin: "", stores: {}, errors: {} };
  try { result.origin = String(self.location.origin); } catch (e) { result.origin = "null"; }
  const settle = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const writers = {
    localStorage: () => { self.localStorage.setItem(name, values.localStorage); return "written"; },
    sessionStorage: () => { self.sessionStorage.setItem(name, values.sessionStorage); return "written"; },
    indexedDB: async () => {
      if (typeof self.indexedDB === "undefined" || self.indexedDB === null) return "unavailable";
      const open = self.indexedDB.open(name, 1);
      open.onupgradeneeded = () => { if (!open.result.objectStoreNames.contains(name)) open.result.createObjectStore(name); };
      const db = await settle(open);
      try {
        const tx = db.transaction(name, "readwrite", { durability: "strict" });
        tx.objectStore(name).put(values.indexedDB, name);
        await new Promise((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error || new DOMException("aborted", "AbortError"));
        });
      } finally { db.close(); }
      return "written";
    },
    cacheStorage: async () => {
      if (typeof self.caches === "undefined" || self.caches === null) return "unavailable";
      const cache = await self.caches.open(name);
      const url = new URL(${inertJson(CANARY_CACHE_PATH)}, self.location.href).href;
      await cache.put(url, new Response(values.cacheStorage, { headers: { "content-type": "text/plain" } }));
      return "written";
    },
  };
  for (const kind of Object.keys(writers)) {
    let timer;
    const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new DOMException("timed out", "Timeout")), ${STORE_TIMEOUT_MS}); });
    try {
      result.stores[kind] = await Promise.race([Promise.resolve().then(writers[kind]), timeout]);
    } catch (e) {
      result.stores[kind] = "failed";
      result.errors[kind] = e && typeof e.name === "string" ? e.name.slice(0, 40) : "Error";
    } finally { clearTimeout(timer); }
  }
  return result;
})()`;
}
