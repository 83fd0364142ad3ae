import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SITE_PRINT_CHANNEL } from '../../../src/ipc/contract';

/**
 * The site preload run as Electron's sandbox runs it (compiled, `require` knowing only 'electron').
 * The function it hands to contextBridge.executeInMainWorld is then run against a window object as
 * a page's main world would have it.
 */
function loadSitePreload() {
  const source = readFileSync(path.resolve('main/ipc/site-preload.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const sent: { channel: string; args: unknown[] }[] = [];
  const scripts: { func: (...a: unknown[]) => unknown; args?: unknown[] }[] = [];
  const exposed: string[] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: {
      executeInMainWorld: (script: { func: (...a: unknown[]) => unknown; args?: unknown[] }) => void scripts.push(script),
      exposeInMainWorld: (key: string) => void exposed.push(key),
    },
    ipcRenderer: { send: (channel: string, ...args: unknown[]) => void sent.push({ channel, args }) },
  };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  vm.runInNewContext(`(function (require, exports, module) {${js}\n})`, {})(sandboxRequire, {}, { exports: {} });
  return { sent, scripts, exposed, required };
}

/** A page's main world: its own window with the native print (which must never be reached again). */
function pageWorld(script: { func: (...a: unknown[]) => unknown; args?: unknown[] }) {
  const world = vm.createContext({ nativePrints: 0 });
  vm.runInContext('var window = globalThis; window.print = function print() { nativePrints += 1; };', world);
  // The function is serialised by Electron: only its source crosses, with the bridged arguments.
  vm.runInContext(`(${script.func.toString()})`, world)(...(script.args ?? []));
  return world as vm.Context & { nativePrints: number };
}

describe('the site preload', () => {
  it('requires only electron, exposes no API, and runs one script in the main world', () => {
    const { required, exposed, scripts } = loadSitePreload();
    expect(required).toEqual(['electron']);
    expect(exposed).toEqual([]);
    expect(scripts).toHaveLength(1);
  });

  it("replaces the page's window.print by the one argument-less request, whatever the page passes", () => {
    const { scripts, sent } = loadSitePreload();
    const world = pageWorld(scripts[0]!);
    vm.runInContext("window.print(); window.print({ silent: false, deviceName: 'Microsoft Print to PDF' });", world);
    expect(world.nativePrints).toBe(0);
    expect(sent).toEqual([
      { channel: SITE_PRINT_CHANNEL, args: [] },
      { channel: SITE_PRINT_CHANNEL, args: [] },
    ]);
  });

  it('the page cannot put a print of its own back (not writable, not configurable)', () => {
    const { scripts, sent } = loadSitePreload();
    const world = pageWorld(scripts[0]!);
    const attempts = vm.runInContext(`
      const results = [];
      try { window.print = () => { nativePrints += 100; }; results.push('assigned'); } catch { results.push('assign refused'); }
      try { delete window.print; results.push(typeof window.print); } catch { results.push('delete refused'); }
      try { Object.defineProperty(window, 'print', { value: () => { nativePrints += 100; } }); results.push('redefined'); } catch { results.push('redefine refused'); }
      window.print();
      results;`, world) as string[];
    expect(attempts).toEqual(['assigned', 'function', 'redefine refused']);
    expect(world.nativePrints).toBe(0);
    expect(sent).toHaveLength(1);
  });
});
