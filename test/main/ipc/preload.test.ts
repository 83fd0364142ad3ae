import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { requestSchemas, STATUS_CHANNEL, type KioskStatus } from '../../../src/ipc/contract';

/**
 * Runs the preload as Electron's sandboxed renderer does: compiled to CommonJS and wrapped in a
 * function whose `require` knows only 'electron' (here a recording fake), so a preload that pulled
 * in any project file would fail right here.
 */
function loadPreload() {
  const source = readFileSync(path.resolve('main/ipc/preload.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  const exposed: Record<string, unknown> = {};
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return Promise.resolve({ ok: true });
      },
      on: (channel: string, l: (...a: unknown[]) => void) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l)),
      removeListener: (channel: string, l: (...a: unknown[]) => void) => listeners.get(channel)?.delete(l),
    },
  };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  const wrapper = vm.runInNewContext(`(function (require, exports, module) {${js}\n})`, {});
  const module = { exports: {} };
  wrapper(sandboxRequire, module.exports, module);
  return { exposed, invoked, listeners, required };
}

describe('preload', () => {
  it('requires only electron and exposes only window.kiosk', () => {
    const { exposed, required } = loadPreload();
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['kiosk']);
  });

  it('has one named function per channel, each invoking its own channel with its arguments', async () => {
    const { exposed, invoked } = loadPreload();
    const kiosk = exposed.kiosk as Record<string, (...a: unknown[]) => unknown>;
    const calls: [string, unknown[], string][] = [
      ['getStatus', [], 'kiosk:get-status'],
      ['startSession', [2], 'kiosk:start-session'],
      ['endSession', [], 'kiosk:end-session'],
      ['stillHere', [], 'kiosk:still-here'],
      ['navigate', ['home'], 'kiosk:navigate'],
      ['zoom', ['in'], 'kiosk:zoom'],
      ['setLanguage', ['en'], 'kiosk:set-language'],
      ['staffSignIn', ['an', 'pw', null], 'staff:sign-in'],
      ['staffSignOut', [], 'staff:sign-out'],
      ['forceWipe', [], 'staff:force-wipe'],
      ['recentWipes', [], 'staff:recent-wipes'],
      ['compliance', [], 'staff:compliance'],
      ['changePassword', ['old', 'new'], 'staff:change-password'],
      ['adminAction', ['leave-kiosk', '123456'], 'staff:admin-action'],
      ['blockedToday', [], 'staff:blocked-today'],
      ['setStaffPanelOpen', [true], 'kiosk:staff-panel'],
    ];
    for (const [name, args] of calls) await kiosk[name]?.(...args);
    expect(invoked).toEqual(calls.map(([, args, channel]) => ({ channel, args })));
    expect(new Set(invoked.map((c) => c.channel))).toEqual(new Set(Object.keys(requestSchemas)));
    expect(Object.keys(kiosk).sort()).toEqual([...calls.map(([name]) => name), 'onStatus'].sort());
    expect(Object.values(kiosk).every((v) => typeof v === 'function')).toBe(true);
  });

  it('forwards status pushes without the event object, and unsubscribes', () => {
    const { exposed, listeners } = loadPreload();
    const kiosk = exposed.kiosk as { onStatus(l: (s: KioskStatus) => void): () => void };
    const seen: unknown[][] = [];
    const off = kiosk.onStatus((...args: unknown[]) => seen.push(args));
    const status = { state: 'welcome' } as KioskStatus;
    for (const l of listeners.get(STATUS_CHANNEL) ?? []) l({ sender: 'secret handle' }, status);
    expect(seen).toEqual([[status]]);
    off();
    expect(listeners.get(STATUS_CHANNEL)?.size).toBe(0);
  });
});
