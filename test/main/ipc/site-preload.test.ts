import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SITE_PRINT_CHANNEL, SITE_PRINT_STARTING_CHANNEL } from '../../../src/ipc/contract';
import { loadSitePreload, type MainWorldScript } from '../../support/site-preload-script';

/** A page's main world: its own window with the native print (which must never be reached again). */
function pageWorld(script: MainWorldScript) {
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

  it("replaces the page's window.print by the one request, whatever the page passes; the request carries only the frame's user activation", () => {
    for (const userActivation of [false, true]) {
      const { scripts, sent } = loadSitePreload({ userActivation });
      const world = pageWorld(scripts[0]!);
      vm.runInContext("window.print(); window.print({ silent: false, deviceName: 'Microsoft Print to PDF' });", world);
      expect(world.nativePrints).toBe(0);
      expect(sent).toEqual([
        { channel: SITE_PRINT_CHANNEL, args: [userActivation] },
        { channel: SITE_PRINT_CHANNEL, args: [userActivation] },
      ]);
    }
  });

  it('the backstop: a beforeprint in the isolated world (capture, first on the window) and in the main world each send the synchronous print-starting message', () => {
    const { scripts, sentSync, isolatedListeners } = loadSitePreload();
    expect(isolatedListeners.map(({ type, capture }) => [type, capture])).toEqual([['beforeprint', true]]);
    isolatedListeners[0]!.listener();
    expect(sentSync).toEqual([{ channel: SITE_PRINT_STARTING_CHANNEL, args: [] }]);
    // The main world's copy is the second bridged function; the page never sees either.
    (scripts[0]!.args![1] as () => void)();
    expect(sentSync).toHaveLength(2);
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
