import { describe, expect, it, vi } from 'vitest';
import { requestSchemas, type Channel } from '../../../src/ipc/contract';
import { channels, createIpcDispatcher, IpcRefusal, type IpcHandlers, type InvokeEventLike } from '../../../main/ipc/dispatch';

const UI = 3;
const fromUi: InvokeEventLike = { sender: { id: UI }, senderFrame: { url: 'app://kiosk/index.html', parent: null } };

function fakeHandlers() {
  const calls: { channel: Channel; args: unknown[] }[] = [];
  const handlers = Object.fromEntries(
    channels.map((channel) => [channel, async (...args: unknown[]) => {
      calls.push({ channel, args });
      return { ok: true };
    }]),
  ) as unknown as IpcHandlers;
  return { handlers, calls };
}

describe('createIpcDispatcher', () => {
  it('knows exactly the contract channels', () => {
    expect([...channels].sort()).toEqual(Object.keys(requestSchemas).sort());
  });

  it('calls the handler with the parsed arguments for the UI', async () => {
    const { handlers, calls } = fakeHandlers();
    const dispatch = createIpcDispatcher(handlers, () => UI);
    await expect(dispatch('kiosk:navigate', fromUi, ['back'])).resolves.toEqual({ ok: true });
    await dispatch('staff:sign-in', fromUi, ['an', 'secret', '123456']);
    await dispatch('kiosk:start-session', fromUi, [null]);
    expect(calls).toEqual([
      { channel: 'kiosk:navigate', args: ['back'] },
      { channel: 'staff:sign-in', args: ['an', 'secret', '123456'] },
      { channel: 'kiosk:start-session', args: [null] },
    ]);
  });

  it.each<[string, InvokeEventLike]>([
    ['the site view', { sender: { id: 9 }, senderFrame: { url: 'https://dichvucong.gov.vn/', parent: null } }],
    ['a site page loaded into the UI webContents', { sender: { id: UI }, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a frame inside the UI', { sender: { id: UI }, senderFrame: { url: 'app://kiosk/index.html', parent: {} } }],
    ['a frame already gone', { sender: { id: UI }, senderFrame: null }],
  ])('refuses a call from %s without calling anything', async (_label, event) => {
    const { handlers, calls } = fakeHandlers();
    const refused = vi.fn();
    const dispatch = createIpcDispatcher(handlers, () => UI, refused);
    await expect(dispatch('staff:force-wipe', event, [])).rejects.toMatchObject({ why: 'untrusted-sender' });
    expect(calls).toEqual([]);
    expect(refused).toHaveBeenCalledWith(expect.any(IpcRefusal));
  });

  it('refuses everything before the UI exists', async () => {
    const { handlers, calls } = fakeHandlers();
    await expect(createIpcDispatcher(handlers, () => undefined)('kiosk:get-status', fromUi, [])).rejects.toMatchObject({ why: 'untrusted-sender' });
    expect(calls).toEqual([]);
  });

  it.each<[string, unknown[]]>([
    ['kiosk:navigate', ['file:///etc/passwd']],
    ['kiosk:navigate', []],
    ['kiosk:navigate', ['back', 'extra']],
    ['kiosk:zoom', ['200']],
    ['kiosk:zoom', [1.5]],
    ['kiosk:zoom', []],
    ['kiosk:start-session', [-1]],
    ['kiosk:start-session', ['0']],
    ['kiosk:set-language', ['fr']],
    ['staff:sign-in', ['id', 'secret', '12345']],
    ['staff:sign-in', ['id', '', null]],
    ['staff:sign-in', [{ toString: () => 'id' }, 'secret', null]],
    ['staff:admin-action', ['leave-kiosk', null]],
    ['staff:admin-action', ['run-shell', '123456']],
    ['kiosk:staff-panel', ['yes']],
    ['kiosk:end-session', [true]],
  ])('refuses %s with invalid arguments %j', async (channel, args) => {
    const { handlers, calls } = fakeHandlers();
    const dispatch = createIpcDispatcher(handlers, () => UI);
    await expect(dispatch(channel, fromUi, args)).rejects.toMatchObject({ why: 'invalid-arguments' });
    expect(calls).toEqual([]);
  });

  it('refuses a channel the contract does not list, even an Object.prototype name', async () => {
    const { handlers } = fakeHandlers();
    const dispatch = createIpcDispatcher(handlers, () => UI);
    await expect(dispatch('kiosk:eval', fromUi, [])).rejects.toMatchObject({ why: 'unknown-channel' });
    await expect(dispatch('constructor', fromUi, [])).rejects.toMatchObject({ why: 'unknown-channel' });
    await expect(dispatch('__proto__', fromUi, [])).rejects.toMatchObject({ why: 'unknown-channel' });
  });
});
