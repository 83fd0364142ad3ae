import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, launchKiosk, testPolicy, waitForStatus, type KioskRun } from './support/kiosk';

/**
 * Issue 10, items 4, 5 and 8 in the real app: a page on an allowed site cannot reach the local
 * network by another name, a data: download that lies about its type is deleted, and the scanner
 * folder is emptied when the session ends.
 */
let server: Server;
let origin = '';
const hosts: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    hosts.push(req.headers.host ?? '');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
    res.end('<!doctype html><title>Cổng thử</title><p id="here">here</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('the local network, wrong-type downloads and the scanner folder', () => {
  let kiosk: KioskRun;
  let scans = '';
  beforeAll(async () => {
    kiosk = await launchKiosk((data) => {
      scans = path.join(data, 'scans');
      mkdirSync(scans);
      return [
        testPolicy(data, origin),
        'downloads:',
        '  enabled: true',
        '  allowedExtensions: [pdf]',
        '  maxSizeMB: 5',
        '',
      ].join('\n').replace('wipe:\n', `wipe:\n  sessionPaths: [${JSON.stringify(scans)}]\n`);
    });
  });
  afterAll(async () => {
    await kiosk.close();
  });

  it('says on the welcome screen that scans are deleted with the session', async () => {
    const status = await waitForStatus(kiosk.ui, (s) => s.state === 'welcome');
    expect(status.scansWiped).toBe(true);
  });

  it('a page cannot fetch the kiosk machine by the name localhost, nor frame it', async () => {
    const opened = kiosk.app.waitForEvent('window', (page) => page.url().startsWith(origin));
    await api(kiosk.ui, (k) => k.startSession(0));
    const page = await opened;
    await page.waitForLoadState();
    const port = new URL(origin).port;
    const fetched = await page.evaluate(`fetch('http://localhost:${port}/').then(() => 'reached', (e) => 'refused: ' + e.name)`);
    expect(fetched).toBe('refused: TypeError');
    const socket = await page.evaluate(`new Promise((resolve) => { const ws = new WebSocket('ws://localhost:${port}/'); ws.onerror = () => resolve('refused'); ws.onopen = () => resolve('open'); })`);
    expect(socket).toBe('refused');
    expect(hosts.filter((h) => h.startsWith('localhost'))).toEqual([]);
  });

  it('a data: download named .pdf holding an executable is deleted and reported blocked', async () => {
    const page = kiosk.app.windows().find((p) => p.url().startsWith(origin));
    await page?.evaluate(`(() => {
      const a = document.createElement('a');
      a.href = 'data:application/pdf;base64,' + btoa('MZ' + 'x'.repeat(200));
      a.download = 'ket-qua.pdf';
      document.body.append(a);
      a.click();
    })()`);
    await waitForStatus(kiosk.ui, (s) => s.notice?.kind === 'download-blocked' && s.notice.detail === 'pdf');
    const downloads = path.join(kiosk.data, 'downloads');
    const files = readdirSync(downloads, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });

  it('ending the session empties the scanner folder and keeps it', async () => {
    writeFileSync(path.join(scans, 'cccd.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    expect(await api(kiosk.ui, (k) => k.endSession())).toEqual({ ok: true });
    await waitForStatus(kiosk.ui, (s) => s.state === 'welcome' && s.wipe?.phase === 'succeeded');
    expect(existsSync(scans)).toBe(true);
    expect(readdirSync(scans)).toEqual([]);
  });
});
