import { describe, expect, it } from 'vitest';
import { createSitePrintGate, type PrintStartingEvent } from '../../../main/ipc/site-print-gate';

const SITE = 12;

/** A sync IPC event that records, in order, the renderer being stopped and the answer being sent. */
function event(senderId: number) {
  const steps: string[] = [];
  const e: PrintStartingEvent & { steps: string[] } = {
    steps,
    sender: { id: senderId, forcefullyCrashRenderer: () => void steps.push('renderer stopped') },
    set returnValue(value: unknown) {
      steps.push(`answered ${String(value)}`);
    },
    get returnValue(): unknown {
      return undefined;
    },
  };
  return e;
}

function gate(mainPrinting: boolean, siteId: number | null = SITE) {
  const log: string[] = [];
  return { log, printStarting: createSitePrintGate({ siteContentsId: () => siteId, mainPrinting: () => mainPrinting, log: (m) => void log.push(m) }) };
}

describe('the site print gate (beforeprint, synchronous)', () => {
  it("answers at once while main's own print is with Chromium", () => {
    const { printStarting, log } = gate(true);
    const e = event(SITE);
    printStarting(e);
    expect(e.steps).toEqual(['answered true']);
    expect(log).toEqual([]);
  });

  it('stops the renderer before answering a print main did not start: the engine never reaches the dialog', () => {
    const { printStarting, log } = gate(false);
    const e = event(SITE);
    printStarting(e);
    expect(e.steps).toEqual(['renderer stopped', 'answered false']);
    expect(log.join('\n')).toContain('started the engine');
  });

  it('a sender that is not the open site view is stopped too, even while main prints', () => {
    const stale = event(11);
    gate(true).printStarting(stale);
    expect(stale.steps).toEqual(['renderer stopped', 'answered false']);
    const none = event(SITE);
    gate(true, null).printStarting(none);
    expect(none.steps).toEqual(['renderer stopped', 'answered false']);
  });
});
