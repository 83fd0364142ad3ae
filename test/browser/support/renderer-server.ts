import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

/** The built kiosk UI (npm run build). Tests serve these exact files, as main's app:// protocol does. */
export const rendererDist = path.resolve(__dirname, '..', '..', '..', 'dist', 'ui', 'renderer');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** A loopback-only static server for dist/ui/renderer. No CSP header: the page's own meta CSP is under test. */
export async function serveRenderer(): Promise<StaticServer> {
  if (!existsSync(path.join(rendererDist, 'index.html'))) {
    throw new Error(`${rendererDist}/index.html is missing: run \`npm run build\` first (npm run test:browser does).`);
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.resolve(rendererDist, `.${decodeURIComponent(url.pathname)}`);
    const type = types[path.extname(file)];
    if (!file.startsWith(rendererDist + path.sep) || !type || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
