import { describe, expect, it } from 'vitest';
import { requestSchemas } from '../../../src/ipc/contract';
import { createIpcDispatcher } from '../../../main/ipc/dispatch';
import { makeShell } from '../kiosk/harness';

describe('buildIpcHandlers', () => {
  it('serves every channel of the contract and nothing else', () => {
    const { handlers } = makeShell();
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(requestSchemas).sort());
  });

  it('through the dispatcher: the UI starts a session, a site page cannot end it', async () => {
    const k = makeShell();
    await k.start(null);
    const dispatch = createIpcDispatcher(k.handlers, () => 1);
    const ui = { sender: { id: 1 }, senderFrame: { url: 'app://kiosk/index.html', parent: null } };
    const site = { sender: { id: 2 }, senderFrame: { url: 'https://dichvucong.gov.vn/', parent: null } };
    await expect(dispatch('kiosk:start-session', ui, [null])).resolves.toEqual({ ok: true });
    await expect(dispatch('kiosk:end-session', site, [])).rejects.toThrow(/untrusted-sender/);
    expect(k.window.last?.state).toBe('in-session');
  });
});
