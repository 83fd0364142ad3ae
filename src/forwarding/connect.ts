import { readFile } from 'node:fs/promises';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { SyslogDestination } from './destination';

export const CONNECT_TIMEOUT_MS = 15_000;

/**
 * A connected stream to the collector. TLS (relp-tls, tls) verifies the collector's certificate
 * against the policy's `ca` only (not the OS store: the department's own CA is the trust anchor)
 * and its name against `host`; a client certificate is presented when `cert`/`key` are set.
 * Nothing is written before the handshake has succeeded.
 */
export async function connectToCollector(destination: SyslogDestination, timeoutMs = CONNECT_TIMEOUT_MS): Promise<Socket> {
  const tls = destination.transport === 'relp-tls' || destination.transport === 'tls';
  const [ca, cert, key] = tls
    ? await Promise.all([destination.ca, destination.cert, destination.key].map((file) => (file === undefined ? undefined : readFile(file))))
    : [];
  if (tls && !ca) throw new Error(`${destination.transport} needs a CA file`);
  return new Promise<Socket>((resolve, reject) => {
    const host = destination.host;
    const ready = tls ? 'secureConnect' : 'connect';
    const socket: Socket = tls
      ? tlsConnect({
          host,
          port: destination.port,
          ca,
          ...(cert && key ? { cert, key } : {}),
          ...(isIP(host) === 0 ? { servername: host } : {}),
          minVersion: 'TLSv1.2',
          rejectUnauthorized: true,
        })
      : netConnect({ host, port: destination.port });
    const timer = setTimeout(() => socket.destroy(new Error(`no connection within ${timeoutMs / 1000} s`)), timeoutMs);
    socket.once('error', (error: Error & { code?: string }) => {
      clearTimeout(timer);
      reject(new Error(describeConnectError(error, tls)));
    });
    socket.once(ready, () => {
      clearTimeout(timer);
      socket.setNoDelay(true);
      resolve(socket);
    });
  });
}

function describeConnectError(error: Error & { code?: string }, tls: boolean): string {
  const code = error.code ? ` (${error.code})` : '';
  const certificate = tls && /CERT|SELF_SIGNED|ERR_TLS|HOSTNAME|ALTNAME|SSL/i.test(`${error.code ?? ''} ${error.message}`);
  return `${certificate ? 'TLS: the collector\'s certificate was refused: ' : ''}${error.message}${code}`;
}
