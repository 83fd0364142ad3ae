import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, launchKiosk, startSite, testPolicy, waitForStatus, type KioskRun } from './support/kiosk';

/**
 * The blocked-host journal in the real Electron: refusals in a citizen session (a navigation, a
 * popup, a frame, a websocket to a chat app) end up as one `blocked` record in the audit log at
 * session end, hosts only; a clean session writes none; a rehearsal cannot be started by anyone
 * not signed in as an admin. Each step waits for a named status, never a sleep.
 */
let site: { server: Server; origin: string };
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await new Promise((resolve) => site.server.close(resolve));
});

function records(kiosk: KioskRun, type: string): Record<string, unknown>[] {
  const text = readFileSync(path.join(kiosk.data, 'state', 'audit.log'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { rec: Record<string, unknown> }).rec)
    .filter((rec) => rec['type'] === type);
}

describe('blocked-host journal in Electron', () => {
  let kiosk: KioskRun;
  beforeAll(async () => {
    kiosk = await launchKiosk((data) => testPolicy(data, site.origin));
  });
  afterAll(async () => {
    await kiosk.close();
  });

  async function openSite() {
    const opened = kiosk.app.waitForEvent('window', (page) => page.url().startsWith(site.origin));
    expect(await api(kiosk.ui, (k) => k.startSession(0))).toEqual({ ok: true });
    const page = await opened;
    await page.waitForLoadState();
    await waitForStatus(kiosk.ui, (s) => s.state === 'in-session' && s.site?.host === '127.0.0.1');
    return page;
  }

  async function endSession(): Promise<void> {
    expect(await api(kiosk.ui, (k) => k.endSession())).toEqual({ ok: true });
    await waitForStatus(kiosk.ui, (s) => s.state === 'welcome' && s.wipe?.scope === 'session' && s.wipe.phase === 'succeeded');
  }

  it('counts a session’s refusals and writes one blocked record at its end, hosts only', async () => {
    const page = await openSite();
    const status = await waitForStatus(kiosk.ui, (s) => s.state === 'in-session');
    expect(status.rehearsal).toBeUndefined();
    await page.evaluate(`location.href = 'https://napas.com.vn/pay?card=4111#typed'`);
    await waitForStatus(kiosk.ui, (s) => s.notice?.kind === 'site-blocked');
    await page.evaluate(`window.open('https://chat.zalo.me/share?text=Nguyen')`);
    await page.evaluate(`new Promise((resolve) => {
      const frame = document.createElement('iframe');
      frame.src = 'https://www.youtube.com/embed/v?secret=1';
      frame.onload = frame.onerror = resolve;
      document.body.append(frame);
      const socket = new WebSocket('wss://ws.zalo.me/socket?token=abc');
      socket.onerror = socket.onclose = resolve;
    })`);
    expect(page.url()).toBe(`${site.origin}/`);
    expect(records(kiosk, 'blocked')).toEqual([]);
    await endSession();
    const written = records(kiosk, 'blocked');
    expect(written).toHaveLength(1);
    const hosts = (written[0]?.['hosts'] ?? []) as { host: string; kind: string; rule: string }[];
    expect(hosts.map((h) => `${h.host} ${h.kind} ${h.rule}`)).toEqual(
      expect.arrayContaining(['napas.com.vn navigation not-allowed', 'chat.zalo.me popup category:chat-apps', 'ws.zalo.me websocket category:chat-apps']),
    );
    expect(JSON.stringify(written[0])).not.toMatch(/4111|typed|Nguyen|secret|token|\/pay/);
  });

  it('a session with nothing blocked writes no record', async () => {
    await openSite();
    await endSession();
    expect(records(kiosk, 'blocked')).toHaveLength(1);
  });

  it('no rehearsal starts without an admin signed in, and the welcome status never claims one', async () => {
    expect(await api(kiosk.ui, (k) => k.adminAction('start-rehearsal', '123456'))).toEqual({ ok: false, reason: 'not-signed-in' });
    expect(await api(kiosk.ui, (k) => k.blockedToday())).toBeNull();
    const status = await waitForStatus(kiosk.ui, (s) => s.state === 'welcome');
    expect(status.rehearsal).toBeUndefined();
    expect(kiosk.app.windows().some((p) => p.url().startsWith(site.origin))).toBe(false);
  });
});
