import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteDisabledBlinkFeatures, siteWebPreferences } from '../../src/shell/security-settings';
import { CHROMIUM_PATH, chromiumArgs } from './support/chromium';

/**
 * The site view's disableBlinkFeatures value, given to Debian's Chromium as --disable-blink-features
 * (Electron passes the same names to Blink): each API it names must be gone, and present in the same
 * Chromium without the flag — so a misspelt or dropped name fails here.
 */
const probes: Record<string, string[]> = {
  FileSystemAccessLocal: ['window.showOpenFilePicker', 'window.showSaveFilePicker', 'window.showDirectoryPicker'],
  FileSystem: ['window.webkitRequestFileSystem'],
  EyeDropperAPI: ['window.EyeDropper'],
  DocumentPictureInPictureAPI: ['window.documentPictureInPicture'],
  FontAccess: ['window.queryLocalFonts'],
  Serial: ['navigator.serial'],
  WebHID: ['navigator.hid'],
  WebUSB: ['navigator.usb'],
  Presentation: ['navigator.presentation'],
  // Not exposed by Chromium on Linux at all (Windows/macOS only): nothing to compare here.
  WebShare: [],
};
const expressions = Object.values(probes).flat();

let server: Server;
let url: string;
const dirs: string[] = [];

beforeAll(async () => {
  // A loopback page is a secure context, where these APIs are exposed.
  server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>probe</title><input id="upload" type="file">');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function typesIn(extraArgs: string[]): Promise<Record<string, string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pk-blink-'));
  dirs.push(dir);
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, headless: true, args: [...chromiumArgs, ...extraArgs] });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    const types: Record<string, string> = {};
    for (const expression of [...expressions, 'navigator.clipboard.readText']) types[expression] = (await page.evaluate(`typeof ${expression}`)) as string;
    types['input[type=file]'] = (await page.evaluate(`document.getElementById('upload').type`)) as string;
    return types;
  } finally {
    await context.close();
  }
}

describe("the site view's disabled Blink features in Debian's Chromium", () => {
  const flag = `--disable-blink-features=${siteWebPreferences({ dev: false }, 'probe', '/app/site-preload.js').disableBlinkFeatures ?? ''}`;

  it('the flag carries exactly the listed names', () => {
    expect(flag).toBe(`--disable-blink-features=${siteDisabledBlinkFeatures.join(',')}`);
    expect(Object.keys(probes).sort()).toEqual([...siteDisabledBlinkFeatures].sort());
  });

  it('without the flag every probed API exists (so the next test can fail)', async () => {
    const types = await typesIn([]);
    for (const expression of expressions) expect(types[expression], expression).not.toBe('undefined');
  });

  it('with the flag the File System Access pickers and every other listed API are gone; uploads stay', async () => {
    const types = await typesIn([flag]);
    for (const expression of expressions) expect(types[expression], expression).toBe('undefined');
    expect(types['window.showOpenFilePicker']).toBe('undefined');
    expect(types['window.showSaveFilePicker']).toBe('undefined');
    expect(types['window.showDirectoryPicker']).toBe('undefined');
    expect(types['input[type=file]']).toBe('file');
    // Reading the clipboard stays a permission the session's handler refuses (not a Blink switch).
    expect(types['navigator.clipboard.readText']).toBe('function');
  });
});
