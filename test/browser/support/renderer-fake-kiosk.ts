import type { KioskApi, KioskStatus } from '../../../src/ipc/contract';

/** One call the page made to window.kiosk, as the test implementation recorded it. */
export interface KioskCall {
  method: keyof KioskApi;
  args: unknown[];
}

/** A scripted answer: the result to resolve with and, like main would, a status to push first. */
export interface ScriptedAnswer {
  result: unknown;
  status?: KioskStatus;
}

export interface FakeKioskControl {
  calls: KioskCall[];
  violations: string[];
  push(status: KioskStatus): void;
  script(method: keyof KioskApi, answers: ScriptedAnswer[]): void;
}

declare global {
  interface Window {
    __kioskTest?: FakeKioskControl;
  }
}

/**
 * Runs in the page before its scripts (page.addInitScript): a TEST implementation of the preload's
 * KioskApi that records every call, answers from a per-method script (the last answer repeats) and
 * lets the test push statuses. It also records CSP violations. Self-contained: no closures over
 * test code, because Playwright serialises it into the page.
 */
export function installFakeKiosk(initial: KioskStatus): void {
  let status = initial;
  const listeners = new Set<(s: KioskStatus) => void>();
  const scripts = new Map<string, ScriptedAnswer[]>();
  const control: FakeKioskControl = {
    calls: [],
    violations: [],
    push(next) {
      status = next;
      for (const listener of listeners) listener(structuredClone(next));
    },
    script(method, answers) {
      scripts.set(method, [...answers]);
    },
  };
  const defaults: Record<string, unknown> = {
    staffSignIn: { ok: false, reason: 'invalid' },
    recentWipes: [],
    compliance: null,
    blockedToday: null,
  };
  const answer = async (method: keyof KioskApi, args: unknown[]): Promise<unknown> => {
    control.calls.push({ method, args });
    const queue = scripts.get(method);
    const next = queue && queue.length > 1 ? queue.shift() : queue?.[0];
    if (next?.status) control.push(next.status);
    return structuredClone(next ? next.result : method in defaults ? defaults[method] : { ok: true });
  };
  const call =
    (method: keyof KioskApi) =>
    (...args: unknown[]) =>
      answer(method, args);
  const api = {
    getStatus: async () => {
      control.calls.push({ method: 'getStatus', args: [] });
      return structuredClone(status);
    },
    onStatus(listener: (s: KioskStatus) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    startSession: call('startSession'),
    endSession: call('endSession'),
    stillHere: call('stillHere'),
    navigate: call('navigate'),
    setLanguage: call('setLanguage'),
    zoom: call('zoom'),
    staffSignIn: call('staffSignIn'),
    staffSignOut: call('staffSignOut'),
    forceWipe: call('forceWipe'),
    recentWipes: call('recentWipes'),
    compliance: call('compliance'),
    changePassword: call('changePassword'),
    adminAction: call('adminAction'),
    blockedToday: call('blockedToday'),
    setStaffPanelOpen: call('setStaffPanelOpen'),
  } satisfies Record<keyof KioskApi, unknown>;
  document.addEventListener('securitypolicyviolation', (event) => {
    control.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
  // contextBridge exposes a frozen, non-writable object; so does this.
  Object.defineProperty(window, 'kiosk', { value: Object.freeze(api), writable: false, configurable: false });
  Object.defineProperty(window, '__kioskTest', { value: control, writable: false, configurable: false });
}
