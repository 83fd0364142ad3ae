import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';

export interface MainWorldScript {
  func: (...args: unknown[]) => unknown;
  args?: unknown[];
}

/**
 * Runs main/ipc/site-preload.ts as Electron's sandbox does (compiled, `require` knowing only
 * 'electron', here fakes) and returns what it handed to contextBridge.executeInMainWorld, plus what
 * it sent and required. Shared by the vm test (test/main/ipc) and the Chromium test (test/browser).
 */
export function loadSitePreload(options: { userActivation?: boolean } = {}) {
  const source = readFileSync(path.resolve('main/ipc/site-preload.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const sent: { channel: string; args: unknown[] }[] = [];
  const sentSync: { channel: string; args: unknown[] }[] = [];
  /** Listeners the preload added in its isolated world (the frame's window as that world sees it). */
  const isolatedListeners: { type: string; listener: () => void; capture: unknown }[] = [];
  const scripts: MainWorldScript[] = [];
  const exposed: string[] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: {
      executeInMainWorld: (script: MainWorldScript) => void scripts.push(script),
      exposeInMainWorld: (key: string) => void exposed.push(key),
    },
    ipcRenderer: {
      send: (channel: string, ...args: unknown[]) => void sent.push({ channel, args }),
      sendSync: (channel: string, ...args: unknown[]) => void sentSync.push({ channel, args }),
    },
  };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  // The preload's isolated world reads the frame's transient user activation from navigator.
  const isolatedWorld = {
    navigator: { userActivation: { isActive: options.userActivation ?? false } },
    window: { addEventListener: (type: string, listener: () => void, capture: unknown) => void isolatedListeners.push({ type, listener, capture }) },
  };
  vm.runInNewContext(`(function (require, exports, module) {${js}\n})`, isolatedWorld)(sandboxRequire, {}, { exports: {} });
  return { sent, sentSync, isolatedListeners, scripts, exposed, required };
}
