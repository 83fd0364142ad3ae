import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRequestPath, serveAppRequest, UI_CONTENT_SECURITY_POLICY } from '../../../src/shell/app-protocol';

let dir: string;
let root: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-app-protocol-'));
  root = path.join(dir, 'ui');
  await mkdir(path.join(root, 'screens'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>kiosk</title>');
  await writeFile(path.join(root, 'app.js'), 'export {};');
  await writeFile(path.join(root, 'screens', 'tên màn hình.css'), 'body{}');
  await writeFile(path.join(root, '.secret.json'), '{}');
  await writeFile(path.join(root, 'notes.txt'), 'not served');
  await writeFile(path.join(dir, 'outside.js'), 'stolen');
  await symlink(path.join(dir, 'outside.js'), path.join(root, 'link.js'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serveAppRequest(root, { url, method });

describe('serveAppRequest', () => {
  it.each([
    ['app://kiosk/', 'text/html; charset=utf-8', '<!doctype html><title>kiosk</title>'],
    ['app://kiosk/index.html', 'text/html; charset=utf-8', '<!doctype html><title>kiosk</title>'],
    ['app://kiosk/app.js?v=1#x', 'text/javascript; charset=utf-8', 'export {};'],
    ['app://kiosk/screens/t%C3%AAn%20m%C3%A0n%20h%C3%ACnh.css', 'text/css; charset=utf-8', 'body{}'],
  ])('serves %s as %s with the UI security headers', async (url, type, body) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toBe(type);
    expect(res.headers['Content-Security-Policy']).toBe(UI_CONTENT_SECURITY_POLICY);
    expect(res.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(res.body?.toString()).toBe(body);
  });

  it.each([
    ['app://kiosk/%2e%2e/outside.js', 404],
    ['app://kiosk/..%2foutside.js', 400],
    ['app://kiosk/..%5coutside.js', 400],
    ['app://kiosk/screens%2f..%2f..%2foutside.js', 400],
    ['app://kiosk/index.html%00.js', 400],
    ['app://kiosk/%E0%A4%A', 400],
    ['app://kiosk/.secret.json', 404],
    ['app://kiosk/notes.txt', 404],
    ['app://kiosk/missing.js', 404],
    ['app://kiosk/screens', 404],
    ['app://kiosk/link.js', 404],
    ['app://other/index.html', 404],
    ['app://kiosk:81/index.html', 404],
    ['app://user@kiosk/index.html', 404],
    ['file:///etc/passwd', 404],
    ['not a url', 400],
  ])('refuses %s with %d and no body', async (url, status) => {
    const res = await get(url);
    expect(res.status).toBe(status);
    expect(res.body).toBeNull();
  });

  it('normalises dot segments inside the root (the URL parser removes them) and never leaves it', async () => {
    expect(appRequestPath('app://kiosk/screens/../index.html')).toEqual({ relative: 'index.html' });
    expect(appRequestPath('app://kiosk/../../../../outside.js')).toEqual({ relative: 'outside.js' });
    expect((await get('app://kiosk/../../outside.js')).status).toBe(404);
  });

  it('answers only GET and HEAD; HEAD has no body', async () => {
    expect((await get('app://kiosk/index.html', 'POST')).status).toBe(405);
    const head = await get('app://kiosk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  it('refuses everything when the root does not exist', async () => {
    expect((await serveAppRequest(path.join(dir, 'nope'), { url: 'app://kiosk/index.html', method: 'GET' })).status).toBe(404);
  });
});

describe('UI_CONTENT_SECURITY_POLICY', () => {
  it('loads only the UI’s own scripts and styles, and no frames or plugins', () => {
    const directives = Object.fromEntries(UI_CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toMatchObject({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'frame-src': "'none'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(UI_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});
