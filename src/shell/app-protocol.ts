import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST } from './security-settings';

/**
 * The app:// protocol serving the kiosk UI from dist/ui/renderer/. Decides in plain Node (tested with
 * real files); main/ only wraps the answer in a Response. Refuses anything but a GET of a known file
 * type inside the root: encoded separators, dot segments, hidden files and symlinks leading out.
 */

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** The UI loads only its own files and talks to main only through the preload. */
export const UI_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "object-src 'none'",
].join('; ');

const baseHeaders = {
  'Content-Security-Policy': UI_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function refuse(status: number): AppResponse {
  return { status, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' }, body: null };
}

/** The file a request names, relative to the root, or the HTTP status refusing it. */
export function appRequestPath(requestUrl: string): { relative: string } | { status: number } {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 400 };
  }
  if (url.protocol !== 'app:' || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') return { status: 404 };
  const raw = url.pathname;
  if (/%(2f|5c|00)/i.test(raw) || raw.includes('\\')) return { status: 400 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { status: 400 };
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.length === 0) return { relative: 'index.html' };
  if (segments.some((s) => s.startsWith('.') || s.includes('\0'))) return { status: 404 };
  const relative = segments.join('/');
  if (!(path.extname(relative).toLowerCase() in contentTypes)) return { status: 404 };
  return { relative };
}

function inside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export async function serveAppRequest(rootDir: string, request: { url: string; method: string }): Promise<AppResponse> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
  const target = appRequestPath(request.url);
  if ('status' in target) return refuse(target.status);
  try {
    const root = await realpath(rootDir);
    const file = await realpath(path.join(root, ...target.relative.split('/')));
    if (!inside(root, file)) return refuse(404);
    const body = await readFile(file);
    const type = contentTypes[path.extname(file).toLowerCase()];
    if (type === undefined) return refuse(404);
    return { status: 200, headers: { ...baseHeaders, 'Content-Type': type }, body: request.method === 'HEAD' ? null : body };
  } catch {
    return refuse(404);
  }
}
