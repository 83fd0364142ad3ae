import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import type { KioskApi, KioskStatus } from '../../../src/ipc/contract';

export const repo = path.resolve(import.meta.dirname, '..', '..', '..');

/** The binary in node_modules/electron (scripts/test-electron.mjs runs this suite only where it exists). */
export function electronExecutable(): string {
  const dir = path.join(repo, 'node_modules', 'electron');
  return path.join(dir, 'dist', readFileSync(path.join(dir, 'path.txt'), 'utf8').trim());
}

/** A loopback site the test policy allows (http, its port only), with a link to a blocked chat app. */
export async function startSite(): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Cổng dịch vụ thử</title><a id="out" href="https://chat.zalo.me/">Zalo</a><p id="here">here</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export function testPolicy(data: string, siteOrigin: string): string {
  const port = new URL(siteOrigin).port;
  return [
    'version: 1',
    'sites:',
    '  allow:',
    `    - { host: 127.0.0.1, schemes: [http], ports: [${port}] }`,
    'services:',
    `  - { name: { vi: Thử, en: Test }, url: "${siteOrigin}/" }`,
    'paths:',
    `  sessionData: ${path.join(data, 'session-data')}`,
    `  downloads: ${path.join(data, 'downloads')}`,
    `  state: ${path.join(data, 'state')}`,
    // CI has no OS credential store; a shift wipe asked to clear entries there would fail (rightly).
    'wipe:',
    '  credentialServices: []',
    '',
  ].join('\n');
}

export interface KioskRun {
  app: ElectronApplication;
  ui: Page;
  data: string;
  close(): Promise<void>;
}

/** Launches the built kiosk (dist/) with its own data roots and the given policy layer. */
export async function launchKiosk(policyFor: (data: string) => string): Promise<KioskRun> {
  const data = mkdtempSync(path.join(tmpdir(), 'pk-e2e-'));
  for (const root of ['session-data', 'downloads', 'state']) mkdirSync(path.join(data, root));
  const policy = path.join(data, 'policy.yaml');
  writeFileSync(policy, policyFor(data));
  const app = await electron.launch({
    executablePath: electronExecutable(),
    args: [repo, '--policy', policy],
    cwd: repo,
    env: { ...process.env } as Record<string, string>,
  });
  const ui = await app.firstWindow();
  return {
    app,
    ui,
    data,
    async close() {
      await app.close();
      rmSync(data, { recursive: true, force: true });
    },
  };
}

/** Calls the preload API from the UI page, as the UI does. `call` must not use outer variables. */
export function api<R>(ui: Page, call: (kiosk: KioskApi) => Promise<R>): Promise<R> {
  return ui.evaluate(`(${call.toString()})(window.kiosk)`) as Promise<R>;
}

/** Resolves with the first pushed (or current) status that satisfies `predicate`: a named condition, no sleeping. */
export function waitForStatus(ui: Page, predicate: (status: KioskStatus) => boolean): Promise<KioskStatus> {
  return ui.evaluate(`new Promise((resolve) => {
    const wanted = ${predicate.toString()};
    let off = () => undefined;
    const check = (status) => { if (wanted(status)) { off(); resolve(status); } };
    off = window.kiosk.onStatus(check);
    window.kiosk.getStatus().then(check);
  })`) as Promise<KioskStatus>;
}
