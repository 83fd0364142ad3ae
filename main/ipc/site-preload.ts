// The citizen site view's preload. Sandboxed, in every frame Electron gives it to (nodeIntegrationInSubFrames
// with the sandbox on runs it per frame and still gives no frame Node; Electron skips about:blank
// subframes). Its one job: no script path to the engine's native print, whose OS dialog browses
// files ("Save as PDF", "Print to file"). In the frame's main world it replaces window.print and
// Document.prototype.execCommand's 'print' by one request to main, which prints by policy (silently,
// by a dialog, or not at all) — and does the same in every same-origin child realm (about:blank,
// srcdoc, URL-less iframes) before the page can reach it. It exposes nothing else and imports only
// TYPES from the contract.
import { contextBridge, ipcRenderer } from 'electron';
import type { SITE_PRINT_CHANNEL, SITE_PRINT_STARTING_CHANNEL } from '../../src/ipc/contract';

const printChannel: typeof SITE_PRINT_CHANNEL = 'site:print';
const printStartingChannel: typeof SITE_PRINT_STARTING_CHANNEL = 'site:print-starting';

/**
 * Runs in the page's main world (serialised by Electron: it sees only its argument, a bridged
 * function). A realm is guarded once; a child realm is guarded whenever the page could first get
 * hold of it: its frame element's contentWindow / contentDocument, and right after every DOM call
 * that can connect a frame (the page may then use window[0], which nothing can intercept). Frames
 * the HTML parser inserts are guarded by a MutationObserver, whose callback runs at the microtask
 * checkpoint the parser makes before it runs the next script. A frame that navigates again is
 * guarded at its load event; script polling window[0] between that navigation's commit and its load
 * event is the one window left. For it, and for any path not foreseen here, every guarded realm's
 * `beforeprint` — which the engine fires before it asks for the print dialog — calls `printStarting`:
 * a synchronous message to main, which stops the page's renderer unless main started that print
 * (Electron offers main no hook on a renderer's own print; main/ipc/site-print-gate.ts).
 */
export function guardMainWorld(requestPrint: () => void, printStarting: () => void): void {
  const guarded = new WeakSet<object>();
  const define = Object.defineProperty;
  const describe = Object.getOwnPropertyDescriptor;
  const apply = Reflect.apply;
  // This realm's own, taken before any page script ran: a child realm's may be the page's by then.
  const listen = typeof EventTarget === 'function' ? EventTarget.prototype.addEventListener : undefined;
  type Realm = Window & typeof globalThis;

  function childRealms(win: Realm): Realm[] {
    const children: Realm[] = [];
    let count: number;
    try {
      count = win.length;
    } catch {
      return children;
    }
    for (let index = 0; index < count; index += 1) {
      try {
        const child = win[index] as Realm | undefined;
        // A cross-origin child throws here; it runs its own copy of this preload.
        if (child !== undefined && typeof child.Document === 'function') children.push(child);
      } catch {
        // cross-origin
      }
    }
    return children;
  }

  function guardTree(win: Realm): void {
    guard(win);
    // A child that navigates again (src, srcdoc, location) gets a new realm: guarded at its frame's
    // load event, before the page's own listeners on the frame element (capture on the document runs
    // first; a frame's load never reaches the window). Armed again on every pass: document.open()
    // drops a document's listeners, and adding the same listener twice is a no-op.
    try {
      win.document.addEventListener('load', guardAll, true);
    } catch {
      // a realm without a document
    }
    for (const child of childRealms(win)) guardTree(child);
  }

  // From the realm this ran in (a cross-origin parent runs its own copy).
  function guardAll(): void {
    guardTree(window as Realm);
  }

  function guard(win: Realm): void {
    // A frame's WindowProxy stays the same object when it navigates to a new realm; the realm's
    // own Document constructor does not.
    const realm: object = typeof win.Document === 'function' ? win.Document : win;
    if (guarded.has(realm)) return;
    guarded.add(realm);
    try {
      if (listen !== undefined) apply(listen, win, ['beforeprint', () => printStarting(), true]);
    } catch {
      // not an event target (a test world): nothing can print there either
    }
    const print = function print(): void {
      requestPrint();
    };
    // Not writable or configurable: the page cannot put the native print back (it has no copy of it).
    define(win, 'print', { value: print, writable: false, configurable: false, enumerable: true });
    const documentProto = win.Document?.prototype;
    const nativeExec = documentProto === undefined ? undefined : describe(documentProto, 'execCommand')?.value;
    if (typeof nativeExec === 'function') {
      const execCommand = function execCommand(this: unknown, ...args: unknown[]): boolean {
        // Converted once, as the engine would: an object cannot answer 'x' here and 'print' there.
        const command = `${args[0] as string}`;
        if (command.toLowerCase() === 'print') {
          requestPrint();
          return true;
        }
        try {
          return apply(nativeExec, this, [command, ...args.slice(1)]) as boolean;
        } finally {
          guardAll();
        }
      };
      define(documentProto, 'execCommand', { value: execCommand, writable: false, configurable: false, enumerable: true });
    }
    wrapFrameGetters(win);
    wrapInsertions(win);
    try {
      new win.MutationObserver(guardAll).observe(win.document, { childList: true, subtree: true });
    } catch {
      // a realm without a document: nothing can be inserted into it
    }
  }

  function guardContent(content: unknown): void {
    try {
      const win = (content !== null && typeof content === 'object' && 'defaultView' in content ? content.defaultView : content) as Realm | null;
      if (win !== null && typeof win === 'object' && typeof win.Document === 'function') guardTree(win);
    } catch {
      // cross-origin: it runs its own copy of this preload
    }
  }

  function wrapFrameGetters(win: Realm): void {
    for (const owner of [win.HTMLIFrameElement, win.HTMLFrameElement, win.HTMLObjectElement]) {
      for (const name of ['contentWindow', 'contentDocument']) {
        const proto = owner?.prototype as object | undefined;
        const getter = proto === undefined ? undefined : describe(proto, name)?.get;
        if (proto === undefined || getter === undefined) continue;
        define(proto, name, {
          configurable: false,
          enumerable: true,
          get: function (this: unknown) {
            guardAll();
            // A frame in a shadow tree is not among window[i]: guard what this hands out itself.
            const content = apply(getter, this, []) as unknown;
            guardContent(content);
            return content;
          },
        });
      }
    }
    for (const owner of [win.HTMLObjectElement, win.HTMLEmbedElement, win.HTMLIFrameElement, win.HTMLFrameElement]) {
      const proto = owner?.prototype as object | undefined;
      const method = proto === undefined ? undefined : describe(proto, 'getSVGDocument')?.value;
      if (proto !== undefined && typeof method === 'function') wrapMethod(proto, 'getSVGDocument', method, true);
    }
  }

  const insertionMethods = [
    'appendChild', 'insertBefore', 'replaceChild', 'append', 'prepend', 'after', 'before', 'replaceWith', 'replaceChildren',
    'moveBefore', 'insertAdjacentElement', 'insertAdjacentHTML', 'setHTMLUnsafe', 'setHTML', 'write', 'writeln', 'open', 'insertNode', 'surroundContents',
  ];
  const insertionSetters = ['innerHTML', 'outerHTML'];

  function wrapInsertions(win: Realm): void {
    const protos = [win.Node, win.Element, win.CharacterData, win.DocumentType, win.Document, win.DocumentFragment, win.ShadowRoot, win.Range, win.HTMLElement]
      .map((owner) => owner?.prototype as object | undefined)
      .filter((proto): proto is object => proto !== undefined);
    for (const proto of protos) {
      for (const name of insertionMethods) {
        const method = describe(proto, name)?.value as unknown;
        if (typeof method === 'function') wrapMethod(proto, name, method, false);
      }
      for (const name of insertionSetters) {
        const accessor = describe(proto, name);
        const setter = accessor?.set;
        if (accessor?.get === undefined || setter === undefined) continue;
        define(proto, name, {
          configurable: false,
          enumerable: true,
          get: accessor.get,
          set: function (this: unknown, value: unknown) {
            try {
              apply(setter, this, [value]);
            } finally {
              guardAll();
            }
          },
        });
      }
    }
  }

  function wrapMethod(proto: object, name: string, method: unknown, before: boolean): void {
    const wrapped = {
      [name](this: unknown, ...args: unknown[]): unknown {
        if (before) guardAll();
        try {
          return apply(method as (...a: unknown[]) => unknown, this, args);
        } finally {
          guardAll();
        }
      },
    }[name];
    define(proto, name, { value: wrapped, writable: false, configurable: false, enumerable: true });
  }

  guardTree(window as Realm);
}

/** Blocks this renderer until main has answered; main stops it first when the print is not its own. */
function printStarting(): void {
  ipcRenderer.sendSync(printStartingChannel);
}

contextBridge.executeInMainWorld({
  func: guardMainWorld,
  // Transient user activation is read here, in this frame's isolated world: the page cannot fake it.
  args: [() => ipcRenderer.send(printChannel, navigator.userActivation.isActive), printStarting],
});
// Also from this isolated world, where no page script can reach the listener (first on the window).
window.addEventListener('beforeprint', printStarting, true);
