import type { Socket } from 'node:net';
import { connectToCollector } from './connect';
import type { SyslogDestination } from './destination';
import { RelpSession } from './relp-session';
import { octetCounted } from './syslog-message';

/**
 * Sends formatted messages to one collector, reporting acknowledgements in order. The port the
 * forwarder drives; tests pass fakes.
 *
 * RELP: a message is acknowledged by the receiver's `200 OK`. TLS/TCP (RFC 5425/6587) have no
 * acknowledgement: messages count as delivered only once all were written and the connection was
 * closed cleanly by both sides; a receiver that crashes after reading them still loses them, which
 * is why relp-tls is the reliable mode.
 */
export type SyslogSender = (messages: readonly string[], onAcked: (index: number) => void) => Promise<void>;

export interface SenderOptions {
  software: string;
  window?: number;
  answerTimeoutMs?: number;
  connect?: (destination: SyslogDestination) => Promise<Socket>;
}

export function senderFor(destination: SyslogDestination, options: SenderOptions): SyslogSender {
  const connect = options.connect ?? ((d: SyslogDestination) => connectToCollector(d));
  const answerTimeoutMs = options.answerTimeoutMs ?? 30_000;
  if (destination.transport === 'relp-tls' || destination.transport === 'relp') {
    return async (messages, onAcked) => {
      const session = new RelpSession(await connect(destination), { software: options.software, window: options.window ?? 2048, answerTimeoutMs });
      try {
        await session.open();
        await session.sendAll(messages, onAcked);
        await session.close();
      } finally {
        session.destroy();
      }
    };
  }
  return async (messages, onAcked) => {
    const socket = await connect(destination);
    try {
      await writeAllAndClose(socket, messages, answerTimeoutMs);
    } finally {
      socket.destroy();
    }
    messages.forEach((_, index) => onAcked(index));
  };
}

async function writeAllAndClose(socket: Socket, messages: readonly string[], timeoutMs: number): Promise<void> {
  // Only a close that answers our own end counts: a receiver that hangs up first may have dropped
  // what was still in flight, so that run is a failure and is sent again.
  let ended = false;
  const early = () => new Error('the receiver closed the connection before every record was sent');
  const closed = new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('end', () => (ended ? resolve() : reject(early())));
    socket.once('close', (hadError) => (hadError ? reject(new Error('the connection failed while sending')) : ended ? resolve() : reject(early())));
  });
  closed.catch(() => undefined);
  let chunk = '';
  const flush = async () => {
    if (chunk === '') return;
    const data = chunk;
    chunk = '';
    if (!socket.write(data)) await Promise.race([new Promise((resolve) => socket.once('drain', resolve)), closed]);
  };
  for (const message of messages) {
    chunk += octetCounted(message);
    if (chunk.length >= 256 * 1024) await flush();
  }
  await flush();
  ended = true;
  socket.end();
  const timer = setTimeout(() => socket.destroy(new Error(`the receiver did not close the connection within ${timeoutMs / 1000} s`)), timeoutMs);
  try {
    await closed;
  } finally {
    clearTimeout(timer);
  }
}
