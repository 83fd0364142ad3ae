import vm from 'node:vm';

/**
 * A stand-in page for running the canary script in Node: a fresh V8 context whose `self` has
 * Map-backed Web Storage and, when asked, Cache Storage. IndexedDB is absent (or throws) here; the
 * real one is exercised in Chromium (test/browser/canary-script.test.ts).
 */
export interface FakePageOptions {
  origin?: string;
  caches?: boolean;
  indexedDB?: 'absent' | 'throws';
  localStorageThrows?: string;
}

export function fakePage(options: FakePageOptions = {}) {
  const origin = options.origin ?? 'https://dichvucong.gov.vn';
  const local = new Map<string, string>();
  const session = new Map<string, string>();
  const cached = new Map<string, string>();
  const storage = (map: Map<string, string>, failure?: string) => ({
    setItem(key: string, value: string) {
      if (failure) throw new DOMException('refused', failure);
      map.set(key, String(value));
    },
  });
  const self: Record<string, unknown> = {
    location: { origin, href: `${origin}/trang/1` },
    localStorage: storage(local, options.localStorageThrows),
    sessionStorage: storage(session),
  };
  if (options.caches) {
    self.caches = {
      open: async (name: string) => ({ put: async (url: string, response: Response) => void cached.set(`${name} ${url}`, await response.text()) }),
    };
  }
  if (options.indexedDB === 'throws') {
    self.indexedDB = {
      open() {
        throw new DOMException('no database here', 'InvalidStateError');
      },
    };
  }
  const context = vm.createContext({ self, setTimeout, clearTimeout, DOMException, URL, Response });
  return {
    local,
    session,
    cached,
    run: (code: string): Promise<unknown> => Promise.resolve(vm.runInContext(code, context) as unknown),
  };
}
