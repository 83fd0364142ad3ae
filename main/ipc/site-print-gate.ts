/**
 * Main's backstop behind the site preload's main-world print guard. Electron gives main no hook on
 * a renderer's own print (window.print / execCommand('print') go straight from Blink to Chromium's
 * print manager and its OS dialog). What main does get: the preload's synchronous message from every
 * `beforeprint`, which the engine fires before it asks for the dialog, while that renderer waits for
 * the answer. A print main started itself (webContents.print, by policy) is answered at once; any
 * other is a path the main-world guard missed, from a page that went looking for one: that page's
 * renderer is stopped before the answer, so the dialog never opens, and the site view's crash
 * handling ends the citizen's session (with its wipe).
 */
export interface PrintStartingEvent {
  sender: { id: number; forcefullyCrashRenderer(): void };
  returnValue: unknown;
}

export interface SitePrintGateDeps {
  /** The open site view's webContents id, or null. */
  siteContentsId(): number | null;
  /** Main has a print job with Chromium now (between webContents.print and its callback). */
  mainPrinting(): boolean;
  log(message: string): void;
}

export function createSitePrintGate(deps: SitePrintGateDeps) {
  return function printStarting(event: PrintStartingEvent): void {
    const fromSite = event.sender.id === deps.siteContentsId();
    if (fromSite && deps.mainPrinting()) {
      event.returnValue = true;
      return;
    }
    deps.log(`site print gate: a page started the engine's print by itself (${fromSite ? 'open site view' : 'not the open site view'}): its renderer is stopped`);
    try {
      // First: once the answer is sent the renderer would go on to ask for the dialog.
      event.sender.forcefullyCrashRenderer();
    } finally {
      event.returnValue = false;
    }
  };
}
