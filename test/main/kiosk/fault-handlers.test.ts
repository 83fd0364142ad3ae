import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installFaultHandlers } from '../../../main/kiosk/fault-handlers';
import { makeShell } from './harness';

describe('faults in the main process', () => {
  it('are logged and put the running kiosk out of service (internal-error)', async () => {
    const proc = new EventEmitter();
    const log: string[] = [];
    const gate = installFaultHandlers(proc, (m) => void log.push(m));
    const k = makeShell();
    await k.start(null);
    expect(gate.attach((reason) => k.controller?.reportFault(reason))).toBeNull();
    proc.emit('unhandledRejection', new Error('EIO: state root gone'));
    expect(k.window.last).toMatchObject({ state: 'out-of-service', outOfService: { reason: 'internal-error' } });
    expect(log.join('\n')).toContain('unhandled rejection in the main process: out of service (internal-error)');
  });

  it('a fault before the kiosk exists is kept and handed over at its start', () => {
    const proc = new EventEmitter();
    const gate = installFaultHandlers(proc, () => undefined);
    proc.emit('uncaughtException', new TypeError('x is undefined'));
    const reported: string[] = [];
    expect(gate.attach((r) => void reported.push(r))).toBe('internal-error');
    proc.emit('uncaughtException', new Error('again'));
    expect(reported).toEqual(['internal-error']);
  });

  it('during a headless CLI run a fault exits (no kiosk will ever take it); not once the kiosk is starting', () => {
    const proc = new EventEmitter();
    const gate = installFaultHandlers(proc, () => undefined);
    let exits = 0;
    gate.exitOnFault(() => void (exits += 1));
    proc.emit('unhandledRejection', 'EPIPE');
    expect(exits).toBe(1);
    gate.exitOnFault(null);
    proc.emit('unhandledRejection', 'later');
    expect(exits).toBe(1);
    expect(gate.attach(() => undefined)).toBe('internal-error');
  });

  it('listens to both events (a listener is what keeps Electron from showing its native error dialog)', () => {
    const proc = new EventEmitter();
    installFaultHandlers(proc, () => undefined);
    expect([proc.listenerCount('uncaughtException'), proc.listenerCount('unhandledRejection')]).toEqual([1, 1]);
  });
});
