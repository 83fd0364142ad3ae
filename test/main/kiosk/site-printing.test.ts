import { describe, expect, it } from 'vitest';
import type { Policy } from '../../../src/policy/schema';
import { PRINT_MIN_INTERVAL_MS } from '../../../src/shell/printing';
import { testPolicy } from '../../src/shell/policy-fixture';
import { preventable } from '../fakes';
import { makeShell, settle } from './harness';

const ctrlP = { type: 'keyDown', key: 'p', code: 'KeyP', control: true, meta: false, shift: false, alt: false };

async function inSession(printing?: Policy['printing']) {
  const k = makeShell(printing ? { policy: testPolicy((p) => void (p.printing = printing)) } : {});
  await k.start(null);
  await k.handlers['kiosk:start-session'](null);
  await settle();
  const view = k.siteViews.last;
  if (!view) throw new Error('no site view');
  return { k, view, contents: view.contents };
}

describe('printing from a site view, by policy.printing.mode', () => {
  it('silent (default): the page print request is printed by main without a dialog, on the OS default printer', async () => {
    const { k, contents } = await inSession();
    k.siteHandlers['site:print'](true);
    await settle();
    expect(contents.printed).toEqual([{ silent: true }]);
    expect(k.window.last?.notice).toEqual({ kind: 'print-sent' });
  });

  it('silent never sends a job where it would ask for a file: to the OS default while a print-to-file printer exists, or to a printer that is not there', async () => {
    const { k, contents } = await inSession();
    contents.installedPrinters = ['HP LaserJet M404', 'Microsoft Print to PDF'];
    k.siteHandlers['site:print'](true);
    await settle();
    expect(contents.printed).toEqual([]);
    expect(k.window.last?.notice).toEqual({ kind: 'print-failed' });
    expect(k.log.join('\n')).toContain('Microsoft Print to PDF');

    const named = await inSession({ mode: 'silent', printer: 'Canon LBP2900' });
    named.k.siteHandlers['site:print'](true);
    await settle();
    expect(named.contents.printed).toEqual([]);
    expect(named.k.window.last?.notice).toEqual({ kind: 'print-failed' });
  });

  it('silent on a named printer passes its deviceName; a refused job shows print-failed', async () => {
    const { k, contents } = await inSession({ mode: 'silent', printer: 'Canon LBP2900' });
    contents.installedPrinters = ['Canon LBP2900', 'Microsoft Print to PDF'];
    contents.printResult = false;
    k.siteHandlers['site:print'](true);
    await settle();
    expect(contents.printed).toEqual([{ silent: true, deviceName: 'Canon LBP2900' }]);
    expect(k.window.last?.notice).toEqual({ kind: 'print-failed' });
  });

  it('Ctrl+P in the site view is swallowed and becomes the same request', async () => {
    const { k, contents } = await inSession();
    const event = preventable({});
    contents.emit('before-input-event', event, ctrlP);
    expect(event.prevented).toBe(true);
    await settle();
    expect(contents.printed).toEqual([{ silent: true }]);
    expect(k.window.last?.notice).toEqual({ kind: 'print-sent' });
  });

  it('off: nothing is printed, the citizen sees the print-off notice', async () => {
    const { k, contents } = await inSession({ mode: 'off', printer: '' });
    k.siteHandlers['site:print'](true);
    contents.emit('before-input-event', preventable({}), ctrlP);
    expect(contents.printed).toEqual([]);
    expect(k.window.last?.notice).toEqual({ kind: 'print-off' });
  });

  it('dialog: the OS dialog, as the IT officer chose (no notice for a cancelled dialog)', async () => {
    const { k, contents } = await inSession({ mode: 'dialog', printer: '' });
    contents.printResult = false;
    k.siteHandlers['site:print'](true);
    expect(contents.printed).toEqual([{ silent: false }]);
    expect(k.window.last?.notice).toBeUndefined();
  });

  it('silent: a request from a frame without transient user activation prints nothing and does not use up the allowance', async () => {
    const { k, contents } = await inSession();
    for (let i = 0; i < 30; i += 1) k.siteHandlers['site:print'](false);
    await settle();
    expect(contents.printed).toEqual([]);
    expect(k.window.last?.notice).toBeUndefined();
    // The citizen's own click right after still prints: the script's tries took no slot.
    k.siteHandlers['site:print'](true);
    await settle();
    expect(contents.printed).toEqual([{ silent: true }]);
  });

  it('off and dialog do not depend on activation: off still only shows its notice, dialog is the officer\'s choice', async () => {
    const off = await inSession({ mode: 'off', printer: '' });
    off.k.siteHandlers['site:print'](false);
    expect(off.contents.printed).toEqual([]);
    expect(off.k.window.last?.notice).toEqual({ kind: 'print-off' });
    const dialog = await inSession({ mode: 'dialog', printer: '' });
    dialog.k.siteHandlers['site:print'](false);
    expect(dialog.contents.printed).toEqual([{ silent: false }]);
  });

  it("the print gate lets beforeprint through only while main's own job is with Chromium", async () => {
    const { k, contents } = await inSession();
    contents.holdPrint = true;
    const answer = () => {
      const steps: string[] = [];
      k.sitePrintGate({ sender: { id: contents.id, forcefullyCrashRenderer: () => void steps.push('stopped') }, set returnValue(v: unknown) { steps.push(String(v)); }, get returnValue() { return undefined; } });
      return steps;
    };
    expect(k.shell.mainPrinting()).toBe(false);
    expect(answer()).toEqual(['stopped', 'false']);
    k.siteHandlers['site:print'](true);
    await settle();
    expect(k.shell.mainPrinting()).toBe(true);
    expect(answer()).toEqual(['true']);
    contents.finishPrint();
    expect(k.shell.mainPrinting()).toBe(false);
    expect(answer()).toEqual(['stopped', 'false']);
  });

  it('a page calling print() in a loop gets one job per interval, none while one is with the printer', async () => {
    const { k, contents } = await inSession();
    contents.holdPrint = true;
    for (let i = 0; i < 50; i += 1) k.siteHandlers['site:print'](true);
    await settle();
    expect(contents.printed).toHaveLength(1);
    await k.clock.advance(PRINT_MIN_INTERVAL_MS);
    k.siteHandlers['site:print'](true);
    await settle();
    expect(contents.printed).toHaveLength(1);
    contents.finishPrint();
    k.siteHandlers['site:print'](true);
    await settle();
    expect(contents.printed).toHaveLength(2);
    k.siteHandlers['site:print'](true);
    await settle();
    expect(contents.printed).toHaveLength(2);
  });

  it('without a citizen session nothing prints (a late request from a closed view)', async () => {
    const k = makeShell();
    await k.start(null);
    k.siteHandlers['site:print'](true);
    expect(k.siteContentsId()).toBeNull();
  });

  it('the site channel accepts only the open site view: its id while open, none after End', async () => {
    const { k, contents } = await inSession();
    expect(k.siteContentsId()).toBe(contents.id);
    await k.handlers['kiosk:end-session']();
    await settle();
    expect(k.siteContentsId()).toBeNull();
  });
});
