// Kiosk UI entry: wires window.kiosk (the preload's API) to the screens.
import type { KioskApi } from '../src/ipc/contract.js';
import { Controller } from './controller.js';
import { h } from './dom.js';
import { kioskApi } from './kiosk-api.js';
import { STAFF_SHORTCUT, TOOLBAR_HEIGHT_PX } from './layout.js';

async function boot(host: HTMLElement): Promise<void> {
  document.documentElement.style.setProperty('--toolbar-height', `${TOOLBAR_HEIGHT_PX}px`);
  let api: KioskApi;
  try {
    api = kioskApi();
  } catch (error) {
    host.replaceChildren(h('div', { class: 'screen message-screen' }, [h('h1', { text: 'fatal.title' })]));
    throw error;
  }
  const controller = new Controller(api, host);
  let pushed = false;
  api.onStatus((status) => {
    pushed = true;
    controller.apply(status);
  });
  window.addEventListener('keydown', (event) => {
    const wanted = event.ctrlKey === STAFF_SHORTCUT.ctrl && event.altKey === STAFF_SHORTCUT.alt;
    if (wanted && event.code === STAFF_SHORTCUT.code) {
      event.preventDefault();
      controller.openStaff();
    }
  });
  const initial = await api.getStatus();
  // A push that raced ahead of getStatus() is newer than its answer.
  if (!pushed) controller.apply(initial);
}

const host = document.getElementById('app');
if (host) void boot(host);
