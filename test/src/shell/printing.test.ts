import { describe, expect, it } from 'vitest';
import { isPrintToFilePrinter } from '../../../src/policy/printing';
import { checkSilentTarget, decidePrint, PRINT_MIN_INTERVAL_MS, PRINTS_PER_SESSION, PrintLimiter } from '../../../src/shell/printing';

describe('decidePrint', () => {
  it('maps each mode: silent (default printer or named), dialog, off', () => {
    expect(decidePrint({ mode: 'silent', printer: '' }, new PrintLimiter(), 0)).toEqual({ action: 'print', options: { silent: true } });
    expect(decidePrint({ mode: 'silent', printer: 'HP' }, new PrintLimiter(), 0)).toEqual({ action: 'print', options: { silent: true, deviceName: 'HP' } });
    expect(decidePrint({ mode: 'dialog', printer: '' }, new PrintLimiter(), 0)).toEqual({ action: 'dialog', options: { silent: false } });
    expect(decidePrint({ mode: 'off', printer: '' }, new PrintLimiter(), 0)).toEqual({ action: 'notice', notice: 'print-off' });
  });

  it('silent needs transient user activation in the requesting frame; the refusal takes no slot', () => {
    const limiter = new PrintLimiter();
    const silent = { mode: 'silent' as const, printer: '' };
    expect(decidePrint(silent, limiter, 0, false)).toEqual({ action: 'ignore', why: 'no-user-activation' });
    expect(decidePrint(silent, limiter, 1, true).action).toBe('print');
    expect(decidePrint({ mode: 'off', printer: '' }, new PrintLimiter(), 0, false)).toEqual({ action: 'notice', notice: 'print-off' });
  });

  it(`one request per ${PRINT_MIN_INTERVAL_MS / 1000} s, none while a job is out, at most ${PRINTS_PER_SESSION} per session`, () => {
    const limiter = new PrintLimiter();
    const silent = { mode: 'silent' as const, printer: '' };
    expect(decidePrint(silent, limiter, 0).action).toBe('print');
    expect(decidePrint(silent, limiter, PRINT_MIN_INTERVAL_MS - 1)).toEqual({ action: 'ignore', why: 'rate-limited' });
    limiter.started();
    expect(decidePrint(silent, limiter, PRINT_MIN_INTERVAL_MS * 2)).toEqual({ action: 'ignore', why: 'printing' });
    limiter.finished();
    let printed = 1;
    for (let i = 2; i < PRINTS_PER_SESSION * 3; i += 1) if (decidePrint(silent, limiter, i * PRINT_MIN_INTERVAL_MS).action === 'print') printed += 1;
    expect(printed).toBe(PRINTS_PER_SESSION);
  });
});

describe('print-to-file printers', () => {
  it.each(['Microsoft Print to PDF', 'Microsoft XPS Document Writer', 'OneNote (Desktop)', 'Send To OneNote 2016', 'Fax', 'PDF', 'CUPS-PDF', 'Adobe PDF', 'Print to File'])('%s is one', (name) => {
    expect(isPrintToFilePrinter(name)).toBe(true);
  });
  it.each(['HP LaserJet M404', 'Canon LBP2900', 'Brother_HL-L2321D', 'EPSON L3150 Series'])('%s is not', (name) => {
    expect(isPrintToFilePrinter(name)).toBe(false);
  });

  it('a silent job goes only to a paper printer that exists; the OS default only when no print-to-file printer is installed', () => {
    expect(checkSilentTarget('Canon LBP2900', ['Canon LBP2900', 'Microsoft Print to PDF'])).toEqual({ ok: true });
    expect(checkSilentTarget('Canon LBP2900', ['HP LaserJet M404'])).toMatchObject({ ok: false, why: expect.stringContaining('no printer named') });
    expect(checkSilentTarget('Microsoft Print to PDF', ['Microsoft Print to PDF'])).toMatchObject({ ok: false });
    expect(checkSilentTarget('', ['HP LaserJet M404'])).toEqual({ ok: true });
    expect(checkSilentTarget('', ['HP LaserJet M404', 'Microsoft XPS Document Writer'])).toMatchObject({ ok: false, why: expect.stringContaining('Microsoft XPS Document Writer') });
    expect(checkSilentTarget('', [])).toMatchObject({ ok: false, why: 'no printer is installed' });
  });
});
