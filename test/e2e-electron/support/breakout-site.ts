import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback "portal" for the breakout tests, plus a second loopback server that stands for the
 * local network (a router's admin page, a printer, another service on this machine): the test
 * policy never names it, so no request may ever reach it.
 */
export interface BreakoutSite {
  origin: string;
  /** The local-network stand-in; `hits` counts every request it ever received. */
  lan: { origin: string; hits: number };
  close(): Promise<void>;
}

// MZ header: a Windows program, offered as a PDF.
const EXE_AS_PDF = `data:application/pdf;base64,${Buffer.from('MZ\u0090\u0000\u0003 this is not a pdf').toString('base64')}`;

const page = (lanOrigin: string) => `<!doctype html><meta charset="utf-8"><title>Cổng dịch vụ thử</title>
<script>
  window.keys = [];
  addEventListener('keydown', (e) => window.keys.push(e.key));
</script>
<p id="text">Số CCCD 001099012345</p>
<a id="fake-pdf" download="giay-to.pdf" href="${EXE_AS_PDF}">giấy tờ</a>
<a id="out" href="https://chat.zalo.me/">Zalo</a>
<iframe id="frame" srcdoc="<p>khung</p>"></iframe>
<script>window.lanOrigin = ${JSON.stringify(lanOrigin)};</script>`;

export async function startBreakoutSite(): Promise<BreakoutSite> {
  const lanServer = createServer((_req, res) => {
    lan.hits += 1;
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' });
    res.end('router admin');
  });
  await new Promise<void>((resolve) => lanServer.listen(0, '127.0.0.1', resolve));
  const lan = { origin: `http://127.0.0.1:${(lanServer.address() as AddressInfo).port}`, hits: 0 };
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page(lan.origin));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    lan,
    async close() {
      await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => lanServer.close(r))]);
    },
  };
}
